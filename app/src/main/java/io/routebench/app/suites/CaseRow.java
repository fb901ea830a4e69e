package io.routebench.app.suites;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A test case as the cases table shows it.
 *
 * @param expectedRoutes the distinct expected routes, in turn order
 * @param lastResult e.g. "2/3 passed" in the suite's latest run, or "" when it has no turn there
 * @param failedLastRun whether a turn of the case failed in the latest run
 * @param stale whether the latest run was made with policies the router no longer sees
 * @param missingRoutes expected routes the workspace no longer has (renamed or deleted policies)
 */
public record CaseRow(
    TestCase testCase,
    int turns,
    List<String> expectedRoutes,
    String lastResult,
    boolean failedLastRun,
    boolean stale,
    Set<String> missingRoutes) {

  public CaseRow {
    expectedRoutes = List.copyOf(expectedRoutes);
    missingRoutes = Set.copyOf(missingRoutes);
  }

  public String id() {
    return testCase.id();
  }

  public String name() {
    return testCase.name();
  }

  public String tagsText() {
    return String.join(", ", testCase.tags());
  }

  public String expectedRoutesText() {
    return String.join(", ", expectedRoutes);
  }

  /** Whether the row matches a search: name, tags, notes, messages and routes, ignoring case. */
  boolean matches(String search) {
    if (search == null || search.isBlank()) {
      return true;
    }
    String needle = search.strip().toLowerCase(java.util.Locale.ROOT);
    if (contains(testCase.name(), needle) || contains(testCase.notes(), needle)) {
      return true;
    }
    for (String tag : testCase.tags()) {
      if (contains(tag, needle)) {
        return true;
      }
    }
    for (CaseMessage message : testCase.messages()) {
      if (contains(message.content(), needle)
          || (message.expectedRoute() != null && contains(message.expectedRoute(), needle))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String text, String lowerNeedle) {
    return text.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
  }

  static List<String> expectedRoutesOf(TestCase testCase) {
    var routes = new LinkedHashSet<String>();
    for (CaseMessage message : testCase.messages()) {
      if (message.expectedRoute() != null) {
        routes.add(message.expectedRoute());
      }
    }
    return List.copyOf(routes);
  }
}
