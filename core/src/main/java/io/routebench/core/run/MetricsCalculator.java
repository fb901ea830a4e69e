package io.routebench.core.run;

import io.routebench.core.routing.RouteNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link RunMetrics} from a run's turn results.
 *
 * <p>Results are grouped into conversations by case id (in order of first appearance) and ordered
 * by turn index within each. A span ends where the expected route changes, and also where a turn is
 * missing from the results (a cancelled run): the missing turn might have split it.
 */
public final class MetricsCalculator {

  private MetricsCalculator() {}

  public static RunMetrics compute(RegressionRun run) {
    return compute(run.results());
  }

  public static RunMetrics compute(List<TurnResult> results) {
    int passedTurns = 0;
    int spans = 0;
    int passedSpans = 0;
    int passedConversations = 0;
    int irrelevant = 0;
    int irrelevantPassed = 0;
    int proxyErrors = 0;
    int outranked = 0;
    var routes = new RouteCounter();
    var confusion = new ConfusionMatrix.Builder();

    Map<String, List<TurnResult>> conversations = byConversation(results);
    for (List<TurnResult> turns : conversations.values()) {
      boolean conversationPassed = true;
      boolean spanPassed = true;
      TurnResult previous = null;
      for (TurnResult turn : turns) {
        if (previous != null && !continuesSpan(previous, turn)) {
          spans++;
          passedSpans += spanPassed ? 1 : 0;
          spanPassed = true;
        }
        boolean passed = turn.passed();
        passedTurns += passed ? 1 : 0;
        spanPassed &= passed;
        conversationPassed &= passed;
        routes.add(turn);
        proxyErrors += turn.proxyError() ? 1 : 0;
        outranked += turn.rightButOutranked() ? 1 : 0;
        confusion.add(turn.expected(), turn.actual());
        if (turn.expected().equals(RouteNames.OTHER)) {
          irrelevant++;
          irrelevantPassed += passed ? 1 : 0;
        }
        previous = turn;
      }
      spans++;
      passedSpans += spanPassed ? 1 : 0;
      passedConversations += conversationPassed ? 1 : 0;
    }
    return new RunMetrics(
        results.size(),
        passedTurns,
        spans,
        passedSpans,
        conversations.size(),
        passedConversations,
        routes.scores(),
        confusion.build(),
        new Tally(irrelevant, irrelevantPassed),
        proxyErrors,
        outranked);
  }

  private static Map<String, List<TurnResult>> byConversation(List<TurnResult> results) {
    var conversations = new LinkedHashMap<String, List<TurnResult>>();
    for (TurnResult result : results) {
      conversations.computeIfAbsent(result.caseId(), id -> new ArrayList<>()).add(result);
    }
    conversations.values().forEach(t -> t.sort(Comparator.comparingInt(TurnResult::turnIndex)));
    return conversations;
  }

  private static boolean continuesSpan(TurnResult previous, TurnResult turn) {
    return turn.turnIndex() == previous.turnIndex() + 1
        && turn.expected().equals(previous.expected());
  }

  /** Support, predictions and hits per route, keyed in order of first appearance. */
  private static final class RouteCounter {
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    void add(TurnResult turn) {
      int[] expected = countsOf(turn.expected());
      expected[0]++;
      // A failed request predicted no route, so it lowers recall but no route's precision.
      if (!turn.proxyError()) {
        countsOf(turn.actual())[1]++;
      }
      if (turn.passed()) {
        expected[2]++;
      }
    }

    private int[] countsOf(String route) {
      return counts.computeIfAbsent(route, r -> new int[3]);
    }

    Map<String, RouteScore> scores() {
      var scores = new LinkedHashMap<String, RouteScore>();
      counts.forEach((route, c) -> scores.put(route, new RouteScore(c[0], c[1], c[2])));
      return scores;
    }
  }
}
