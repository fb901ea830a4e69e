package io.routebench.core.run;

import io.routebench.core.routing.RouteNames;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which routes a suite tests and how well: the user turns expecting each route of the workspace,
 * the routes tested by fewer than a minimum number of turns, and (from a run) the routes the router
 * picks although no turn expects them, which the suite therefore cannot tell right from wrong.
 *
 * @param turnsPerRoute every workspace route in taxonomy order, then {@code other}, with the number
 *     of user turns expecting it
 * @param underTested routes with fewer than the minimum turns, in the same order
 * @param predictedButNeverExpected from the run: routes no turn expects, most often predicted first
 */
public record SuiteCoverage(
    Map<String, Integer> turnsPerRoute,
    List<String> underTested,
    List<Prediction> predictedButNeverExpected) {

  public SuiteCoverage {
    turnsPerRoute = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(turnsPerRoute));
    underTested = List.copyOf(underTested);
    predictedButNeverExpected = List.copyOf(predictedButNeverExpected);
  }

  /** A route the router chose {@code times} times in a run while no turn expected it. */
  public record Prediction(String route, int times) {}

  /**
   * @param routes the workspace's route names in taxonomy order ({@code other} is added)
   * @param minimumTurns a route needs at least this many turns not to count as under-tested
   * @param run metrics of a run of the suite, or {@code null} when there is none
   */
  public static SuiteCoverage of(
      TestSuite suite, List<String> routes, int minimumTurns, RunMetrics run) {
    Objects.requireNonNull(suite, "suite");
    var counts = new LinkedHashMap<String, Integer>();
    routes.forEach(route -> counts.put(route, 0));
    counts.put(RouteNames.OTHER, 0);
    for (TestCase testCase : suite.cases()) {
      for (CaseMessage message : testCase.messages()) {
        if (message.expectedRoute() != null && counts.containsKey(message.expectedRoute())) {
          counts.merge(message.expectedRoute(), 1, Integer::sum);
        }
      }
    }
    var underTested = new ArrayList<String>();
    counts.forEach(
        (route, turns) -> {
          if (turns < minimumTurns) {
            underTested.add(route);
          }
        });
    var predicted = new ArrayList<Prediction>();
    if (run != null) {
      run.perRoute()
          .forEach(
              (route, score) -> {
                if (score.support() == 0 && score.predicted() > 0) {
                  predicted.add(new Prediction(route, score.predicted()));
                }
              });
      predicted.sort(Comparator.comparingInt(Prediction::times).reversed());
    }
    return new SuiteCoverage(counts, underTested, predicted);
  }
}
