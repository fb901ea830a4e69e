package io.routebench.core.run;

/**
 * Candidate minus baseline for each headline metric, as fractions (+0.02 = two points better).
 *
 * @param irrelevanceAccuracy change in the share of {@code other} turns routed to {@code other}
 */
public record MetricDeltas(
    double turnAccuracy,
    double spanAccuracy,
    double conversationAccuracy,
    double overall,
    double irrelevanceAccuracy) {

  public static MetricDeltas between(RunMetrics baseline, RunMetrics candidate) {
    return new MetricDeltas(
        candidate.turnAccuracy() - baseline.turnAccuracy(),
        candidate.spanAccuracy() - baseline.spanAccuracy(),
        candidate.conversationAccuracy() - baseline.conversationAccuracy(),
        candidate.overall() - baseline.overall(),
        candidate.irrelevance().accuracy() - baseline.irrelevance().accuracy());
  }
}
