package io.routebench.core.validation;

import io.routebench.core.conversation.Role;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/** Checks a test suite against the routes of the workspace it belongs to. */
public final class SuiteValidator {

  private SuiteValidator() {}

  public static ValidationReport validate(TestSuite suite, Collection<String> routeNames) {
    var known = new HashSet<>(routeNames);
    known.add(RouteNames.OTHER);
    var issues = new ArrayList<ValidationIssue>();
    for (int c = 0; c < suite.cases().size(); c++) {
      TestCase testCase = suite.cases().get(c);
      String path = "cases[" + c + "]";
      if (testCase.name().isBlank()) {
        issues.add(ValidationIssue.error(path + ".name", "the case has no name"));
      }
      secretIn(issues, path + ".name", testCase.name());
      secretIn(issues, path + ".notes", testCase.notes());
      for (int m = 0; m < testCase.messages().size(); m++) {
        secretIn(
            issues, path + ".messages[" + m + "].content", testCase.messages().get(m).content());
      }
      if (testCase.userTurnIndexes().isEmpty()) {
        issues.add(
            ValidationIssue.error(
                path, "\"" + testCase.name() + "\" has no user message to route"));
      }
      for (int m = 0; m < testCase.messages().size(); m++) {
        CaseMessage message = testCase.messages().get(m);
        if (message.role() != Role.USER) {
          continue;
        }
        String expectedPath = path + ".messages[" + m + "].expected_route";
        String expected = message.expectedRoute();
        if (expected == null || expected.isEmpty()) {
          issues.add(ValidationIssue.error(expectedPath, "the user message has no expected route"));
        } else if (!known.contains(expected)) {
          issues.add(
              ValidationIssue.error(
                  expectedPath,
                  "expected route \""
                      + expected
                      + "\" is not a route of this workspace (nor \"other\")"));
        }
      }
    }
    return new ValidationReport(issues);
  }

  /**
   * A credential pasted into a conversation would be stored in the workspace and sent to every
   * endpoint a run asks; test conversations need a stand-in such as {@code sk-EXAMPLE}.
   */
  private static void secretIn(List<ValidationIssue> issues, String path, String text) {
    SecretDetector.find(text)
        .ifPresent(
            kind ->
                issues.add(
                    ValidationIssue.error(
                        path,
                        PolicyValidator.SECRET_MESSAGE
                            + " ("
                            + kind
                            + "); RouteBench never stores secrets: replace it with a stand-in"
                            + " such as sk-EXAMPLE")));
  }
}
