package io.routebench.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between a baseline run and a candidate run of the same suite: the turns that broke,
 * the turns that were fixed, the turns only one run has, and the metric deltas. Turns are matched
 * by (case id, turn index); lists follow the candidate's order, then the baseline's for turns only
 * it has.
 *
 * @param regressions turns that passed in the baseline and fail in the candidate
 * @param fixes turns that failed in the baseline and pass in the candidate
 * @param changedFailures turns that fail in both runs, but with a different wrong route
 * @param onlyInBaseline turns the candidate lacks (case deleted, run cancelled earlier, ...)
 * @param onlyInCandidate turns the baseline lacks (case added, ...)
 * @param unchangedPasses turns that pass in both runs
 * @param unchangedFailures turns that fail in both runs with the same route
 */
public record RunComparison(
    RunMetrics baselineMetrics,
    RunMetrics candidateMetrics,
    List<TurnChange> regressions,
    List<TurnChange> fixes,
    List<TurnChange> changedFailures,
    List<TurnChange> onlyInBaseline,
    List<TurnChange> onlyInCandidate,
    int unchangedPasses,
    int unchangedFailures) {

  public RunComparison {
    Objects.requireNonNull(baselineMetrics, "baselineMetrics");
    Objects.requireNonNull(candidateMetrics, "candidateMetrics");
    regressions = List.copyOf(regressions);
    fixes = List.copyOf(fixes);
    changedFailures = List.copyOf(changedFailures);
    onlyInBaseline = List.copyOf(onlyInBaseline);
    onlyInCandidate = List.copyOf(onlyInCandidate);
  }

  public static RunComparison compare(RegressionRun baseline, RegressionRun candidate) {
    Map<TurnKey, TurnResult> baselineTurns = byTurn(baseline.results());
    Map<TurnKey, TurnResult> candidateTurns = byTurn(candidate.results());
    var regressions = new ArrayList<TurnChange>();
    var fixes = new ArrayList<TurnChange>();
    var changedFailures = new ArrayList<TurnChange>();
    var onlyInCandidate = new ArrayList<TurnChange>();
    int unchangedPasses = 0;
    int unchangedFailures = 0;
    for (var entry : candidateTurns.entrySet()) {
      TurnResult now = entry.getValue();
      TurnResult before = baselineTurns.get(entry.getKey());
      if (before == null) {
        onlyInCandidate.add(change(now, null, now.actual()));
      } else if (before.passed() && !now.passed()) {
        regressions.add(change(now, before.actual(), now.actual()));
      } else if (!before.passed() && now.passed()) {
        fixes.add(change(now, before.actual(), now.actual()));
      } else if (now.passed()) {
        unchangedPasses++;
      } else if (!before.actual().equals(now.actual())) {
        changedFailures.add(change(now, before.actual(), now.actual()));
      } else {
        unchangedFailures++;
      }
    }
    var onlyInBaseline = new ArrayList<TurnChange>();
    for (var entry : baselineTurns.entrySet()) {
      if (!candidateTurns.containsKey(entry.getKey())) {
        TurnResult before = entry.getValue();
        onlyInBaseline.add(change(before, before.actual(), null));
      }
    }
    return new RunComparison(
        MetricsCalculator.compute(baseline),
        MetricsCalculator.compute(candidate),
        regressions,
        fixes,
        changedFailures,
        onlyInBaseline,
        onlyInCandidate,
        unchangedPasses,
        unchangedFailures);
  }

  /** Candidate minus baseline for each headline metric. */
  public MetricDeltas deltas() {
    return MetricDeltas.between(baselineMetrics, candidateMetrics);
  }

  /** Whether any turn that used to pass now fails. */
  public boolean hasRegressions() {
    return !regressions.isEmpty();
  }

  private static Map<TurnKey, TurnResult> byTurn(List<TurnResult> results) {
    var turns = new LinkedHashMap<TurnKey, TurnResult>();
    for (TurnResult result : results) {
      turns.putIfAbsent(new TurnKey(result.caseId(), result.turnIndex()), result);
    }
    return turns;
  }

  private static TurnChange change(
      TurnResult source, String baselineActual, String candidateActual) {
    return new TurnChange(
        source.caseId(),
        source.caseName(),
        source.turnIndex(),
        source.expected(),
        baselineActual,
        candidateActual);
  }

  private record TurnKey(String caseId, int turnIndex) {}
}
