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
import java.util.Set;

/** Checks a test suite against the routes of the workspace it belongs to. */
public final class SuiteValidator {

  private SuiteValidator() {}

  public static ValidationReport validate(TestSuite suite, Collection<String> routeNames) {
    CaseChecker checker = forRoutes(routeNames);
    var issues = new ArrayList<ValidationIssue>();
    for (int c = 0; c < suite.cases().size(); c++) {
      issues.addAll(checker.check(suite.cases().get(c), c));
    }
    return new ValidationReport(issues);
  }

  /** Checks cases one at a time, so that a suite read from a large file need not be kept whole. */
  public static CaseChecker forRoutes(Collection<String> routeNames) {
    var known = new HashSet<>(routeNames);
    known.add(RouteNames.OTHER);
    return new CaseChecker(known);
  }

  /** The checks of {@link #validate} for one case, against a fixed set of routes. */
  public static final class CaseChecker {
    private final Set<String> known;

    private CaseChecker(Set<String> known) {
      this.known = known;
    }

    /**
     * @param index the case's position in its suite; the issues' paths start {@code cases[index]}
     */
    public List<ValidationIssue> check(TestCase testCase, int index) {
      var issues = new ArrayList<ValidationIssue>();
      String path = "cases[" + index + "]";
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
      return issues;
    }
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
