package io.routebench.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteValidatorTest {

  private static final List<String> ROUTES = List.of("code generation", "bug fixing");

  @Test
  void a_suite_whose_expectations_name_known_routes_or_other_is_valid() {
    var suite =
        suite(
            testCase(
                "refactor then thanks",
                CaseMessage.user("write a parser", "code generation"),
                CaseMessage.assistant("here it is"),
                CaseMessage.user("thanks!", "other")));

    assertThat(SuiteValidator.validate(suite, ROUTES).issues()).isEmpty();
  }

  @Test
  void every_problem_is_reported_with_its_path() {
    var suite =
        suite(
            testCase("fine", CaseMessage.user("fix this crash", "bug fixing")),
            testCase(
                "",
                new CaseMessage(Role.SYSTEM, "be brief", null),
                CaseMessage.user("write tests", "test writing"),
                CaseMessage.assistant("ok"),
                CaseMessage.user("and docs", null)),
            testCase("assistant only", CaseMessage.assistant("hello")));

    var report = SuiteValidator.validate(suite, ROUTES);

    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple("cases[1].name", "the case has no name"),
            tuple(
                "cases[1].messages[1].expected_route",
                "expected route \"test writing\" is not a route of this workspace (nor \"other\")"),
            tuple("cases[1].messages[3].expected_route", "the user message has no expected route"),
            tuple("cases[2]", "\"assistant only\" has no user message to route"));
  }

  private static TestSuite suite(TestCase... cases) {
    return new TestSuite("s1", "suite", "", List.of(cases));
  }

  private static TestCase testCase(String name, CaseMessage... messages) {
    return new TestCase("c-" + name, name, List.of(), "", List.of(messages));
  }
}
