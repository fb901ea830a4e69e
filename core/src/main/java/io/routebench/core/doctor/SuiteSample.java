package io.routebench.core.doctor;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The part of a suite a candidate is verified on: the cases with failed turns always (the turns a
 * candidate is meant to fix), and of the others a sample stratified by expected route, whole cases
 * only (span and conversation accuracy need whole conversations). The same seed draws the same
 * sample.
 */
public final class SuiteSample {

  private SuiteSample() {}

  /**
   * @param mustInclude ids of the cases every candidate is verified on
   * @param turns the user turns to verify on at least; 0 or more than the suite has means all
   */
  public static TestSuite of(TestSuite suite, Set<String> mustInclude, int turns, long seed) {
    if (turns <= 0 || turns >= turnsOf(suite.cases())) {
      return suite;
    }
    var chosen = new LinkedHashMap<String, TestCase>();
    suite.cases().stream()
        .filter(c -> mustInclude.contains(c.id()))
        .forEach(c -> chosen.put(c.id(), c));
    Map<String, List<TestCase>> byRoute = new LinkedHashMap<>();
    for (TestCase testCase : suite.cases()) {
      if (!chosen.containsKey(testCase.id())) {
        byRoute.computeIfAbsent(mainRoute(testCase), route -> new ArrayList<>()).add(testCase);
      }
    }
    var random = new Random(seed);
    byRoute.values().forEach(cases -> Collections.shuffle(cases, random));
    // Round robin over the routes, so a small sample still touches every route.
    boolean added = true;
    while (turnsOf(chosen.values()) < turns && added) {
      added = false;
      for (List<TestCase> cases : byRoute.values()) {
        if (!cases.isEmpty() && turnsOf(chosen.values()) < turns) {
          TestCase next = cases.remove(0);
          chosen.put(next.id(), next);
          added = true;
        }
      }
    }
    // Suite order, so the sample reads like the suite.
    List<TestCase> inOrder =
        suite.cases().stream().filter(c -> chosen.containsKey(c.id())).toList();
    return new TestSuite(suite.id(), suite.name(), suite.description(), inOrder);
  }

  /** The user turns of {@code cases}. */
  public static int turnsOf(Collection<TestCase> cases) {
    return cases.stream().mapToInt(c -> c.userTurnIndexes().size()).sum();
  }

  /** The route most of the case's user turns expect (the first of equals). */
  private static String mainRoute(TestCase testCase) {
    var counts = new LinkedHashMap<String, Integer>();
    for (CaseMessage message : testCase.messages()) {
      if (message.expectedRoute() != null) {
        counts.merge(message.expectedRoute(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
        .map(Map.Entry::getKey)
        .map(Objects::toString)
        .orElse("");
  }
}
