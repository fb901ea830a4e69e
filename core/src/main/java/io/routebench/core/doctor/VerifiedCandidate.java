package io.routebench.core.doctor;

import io.routebench.core.run.Metric;
import io.routebench.core.run.MetricDeltas;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.TurnChange;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A candidate and what the router did with it: every turn of the verification sample decided again
 * under the edited policies, compared with the run's own decisions on the same turns.
 *
 * @param decisions the router's answers under the edit: the evidence for everything below
 * @param comparison the run's turns on the sample against {@code decisions}
 * @param suiteTurns the user turns of the whole suite, of which {@link #verifiedTurns()} were asked
 */
public record VerifiedCandidate(
    Candidate candidate, RegressionRun decisions, RunComparison comparison, int suiteTurns) {

  /** Most turns fixed net first; of equals, fewer broken, better overall, smaller edit. */
  public static final Comparator<VerifiedCandidate> BEST_FIRST =
      Comparator.comparingInt(VerifiedCandidate::net)
          .reversed()
          .thenComparingInt(v -> v.broken().size())
          .thenComparing(v -> -v.deltas().of(Metric.OVERALL))
          .thenComparingInt(v -> v.candidate().size());

  public VerifiedCandidate {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(decisions, "decisions");
    Objects.requireNonNull(comparison, "comparison");
  }

  /** Turns that failed in the run and pass under the edit. */
  public List<TurnChange> fixed() {
    return comparison.fixes();
  }

  /** Turns that passed in the run and fail under the edit. */
  public List<TurnChange> broken() {
    return comparison.regressions();
  }

  /** Turns fixed minus turns broken. */
  public int net() {
    return fixed().size() - broken().size();
  }

  /** Whether the edit helps: more turns fixed than broken. */
  public boolean improves() {
    return net() > 0;
  }

  /** Whether no turn that passed fails under the edit. */
  public boolean breaksNothing() {
    return broken().isEmpty();
  }

  /** The edit's effect on the headline metrics, over the turns it was verified on. */
  public MetricDeltas deltas() {
    return comparison.deltas();
  }

  public int verifiedTurns() {
    return decisions.results().size();
  }

  /** Whether it was verified on a sample rather than the whole suite. */
  public boolean sampled() {
    return verifiedTurns() < suiteTurns;
  }
}
