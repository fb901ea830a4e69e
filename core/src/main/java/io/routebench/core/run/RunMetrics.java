package io.routebench.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The paper's regression metrics for one run (arXiv 2506.16655), plus per-route scores. Accuracies
 * are fractions in [0, 1]; every one is {@code 0}, never NaN, when there is nothing to count.
 *
 * @param turns user turns scored
 * @param spans maximal runs of consecutive user turns of one conversation sharing an expected route
 * @param conversations test cases with at least one scored turn
 * @param perRoute scores keyed by route name ({@code other} included), in order of first appearance
 * @param irrelevance the turns that expected {@code other}: did the router decline to route them?
 * @param proxyErrors turns whose request the proxy would fail (HTTP 500) because it cannot read the
 *     router's answer; each is also a failed turn
 * @param rightButOutranked failed turns whose answer listed the expected route below the one the
 *     proxy took (see {@link TurnResult#rightButOutranked()})
 */
public record RunMetrics(
    int turns,
    int passedTurns,
    int spans,
    int passedSpans,
    int conversations,
    int passedConversations,
    Map<String, RouteScore> perRoute,
    ConfusionMatrix confusion,
    Tally irrelevance,
    int proxyErrors,
    int rightButOutranked) {

  public RunMetrics {
    // Keeps first-appearance order, which Map.copyOf would not.
    perRoute = Collections.unmodifiableMap(new LinkedHashMap<>(perRoute));
    Objects.requireNonNull(confusion, "confusion");
    Objects.requireNonNull(irrelevance, "irrelevance");
  }

  /** Share of user turns routed to their expected route. */
  public double turnAccuracy() {
    return turnTally().accuracy();
  }

  /** Share of spans whose every turn was routed correctly. */
  public double spanAccuracy() {
    return spanTally().accuracy();
  }

  /** Share of conversations whose every user turn was routed correctly. */
  public double conversationAccuracy() {
    return conversationTally().accuracy();
  }

  public Tally turnTally() {
    return new Tally(turns, passedTurns);
  }

  public Tally spanTally() {
    return new Tally(spans, passedSpans);
  }

  public Tally conversationTally() {
    return new Tally(conversations, passedConversations);
  }

  /** The paper's headline figure: the mean of turn, span and conversation accuracy. */
  public double overall() {
    return (turnAccuracy() + spanAccuracy() + conversationAccuracy()) / 3;
  }

  /** Whether no turn was scored (e.g. a run cancelled before its first answer). */
  public boolean isEmpty() {
    return turns == 0;
  }
}
