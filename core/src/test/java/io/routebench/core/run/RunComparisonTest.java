package io.routebench.core.run;

import static io.routebench.core.run.Turns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

  private final RegressionRun baseline =
      run(
          turn("a", 0, "code", "code"), // still passes
          turn("a", 1, "bug", "bug"), // breaks
          turn("b", 0, "other", "code"), // gets fixed
          turn("b", 1, "code", "bug"), // fails differently
          turn("c", 0, "bug", "code"), // fails the same way
          turn("d", 0, "code", "code")); // case deleted

  private final RegressionRun candidate =
      run(
          turn("a", 0, "code", "code"),
          turn("a", 1, "bug", "other"),
          turn("b", 0, "other", "other"),
          turn("b", 1, "code", "other"),
          turn("c", 0, "bug", "code"),
          turn("e", 0, "bug", "bug"), // case added
          turn("e", 1, "code", "code"));

  @Test
  void pass_to_fail_turns_are_regressions_with_both_answers() {
    RunComparison comparison = RunComparison.compare(baseline, candidate);

    assertThat(comparison.regressions())
        .containsExactly(new TurnChange("a", "case a", 1, "bug", "bug", "other"));
    assertThat(comparison.hasRegressions()).isTrue();
  }

  @Test
  void fail_to_pass_turns_are_fixes() {
    RunComparison comparison = RunComparison.compare(baseline, candidate);

    assertThat(comparison.fixes())
        .containsExactly(new TurnChange("b", "case b", 0, "other", "code", "other"));
  }

  @Test
  void turns_failing_in_both_are_split_by_whether_the_answer_changed() {
    RunComparison comparison = RunComparison.compare(baseline, candidate);

    assertThat(comparison.changedFailures())
        .containsExactly(new TurnChange("b", "case b", 1, "code", "bug", "other"));
    assertThat(comparison.unchangedFailures()).isEqualTo(1);
    assertThat(comparison.unchangedPasses()).isEqualTo(1);
  }

  @Test
  void turns_present_in_only_one_run_are_listed_with_the_missing_side_null() {
    RunComparison comparison = RunComparison.compare(baseline, candidate);

    assertThat(comparison.onlyInBaseline())
        .containsExactly(new TurnChange("d", "case d", 0, "code", "code", null));
    assertThat(comparison.onlyInCandidate())
        .containsExactly(
            new TurnChange("e", "case e", 0, "bug", null, "bug"),
            new TurnChange("e", "case e", 1, "code", null, "code"));
  }

  @Test
  void deltas_are_candidate_minus_baseline() {
    RunComparison comparison = RunComparison.compare(baseline, candidate);
    MetricDeltas deltas = comparison.deltas();

    // Baseline: turns 3/6; candidate: turns 4/7. Irrelevance: 0/1 → 1/1.
    assertThat(comparison.baselineMetrics().turnAccuracy()).isCloseTo(3.0 / 6, within(1e-12));
    assertThat(comparison.candidateMetrics().turnAccuracy()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(deltas.of(Metric.TURN)).isCloseTo(4.0 / 7 - 3.0 / 6, within(1e-12));
    assertThat(deltas.of(Metric.IRRELEVANCE)).isCloseTo(1.0, within(1e-12));
    assertThat(deltas.of(Metric.OVERALL))
        .isCloseTo(
            comparison.candidateMetrics().overall() - comparison.baselineMetrics().overall(),
            within(1e-12));
  }

  @Test
  void a_run_compared_with_itself_changes_nothing() {
    RunComparison comparison = RunComparison.compare(baseline, baseline);

    assertThat(comparison.regressions()).isEmpty();
    assertThat(comparison.fixes()).isEmpty();
    assertThat(comparison.changedFailures()).isEmpty();
    assertThat(comparison.onlyInBaseline()).isEmpty();
    assertThat(comparison.onlyInCandidate()).isEmpty();
    assertThat(comparison.unchangedPasses() + comparison.unchangedFailures()).isEqualTo(6);
    assertThat(comparison.deltas()).isEqualTo(MetricDeltas.none());
  }

  private static RegressionRun run(TurnResult... results) {
    return new RegressionRun(
        "run-" + results.length,
        "suite",
        "suite",
        new EngineIdentity("fake", "m.gguf", "", PromptProfile.ARCHGW_V1, Map.of()),
        Instant.EPOCH,
        0,
        RunStatus.COMPLETED,
        "",
        List.of(results));
  }
}
