package io.routebench.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.transfer.ExportRunStatus.SuiteRun;
import io.routebench.app.transfer.ExportRunStatus.Tone;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportRunStatusTest {

  private static final PolicyDocument NOW = Documents.codingAndWriting();

  @Test
  void every_latest_run_passing_with_these_policies_is_said_plainly() {
    var summary =
        ExportRunStatus.summarize(
            List.of(suite("smoke", RunStatus.COMPLETED, "code generation", NOW)), NOW);

    assertThat(summary.tone()).isEqualTo(Tone.FINE);
    assertThat(summary.headline()).isEqualTo("The suite's latest run passed with these policies.");
  }

  @Test
  void a_run_that_did_not_finish_is_failing_whatever_its_answers() {
    var summary =
        ExportRunStatus.summarize(
            List.of(
                suite("smoke", RunStatus.COMPLETED, "code generation", NOW),
                suite("nightly", RunStatus.CANCELLED, "code generation", NOW)),
            NOW);

    assertThat(summary.tone()).isEqualTo(Tone.FAILING);
    assertThat(summary.lines().get(0))
        .startsWith("nightly: failing: cancelled before the end, overall 100.0%, 1 of 1 turns");
  }

  @Test
  void stale_or_never_run_suites_warn_without_failing() {
    var summary =
        ExportRunStatus.summarize(
            List.of(
                suite("smoke", RunStatus.COMPLETED, "code generation", NOW.withName("x")),
                new SuiteRun("new", null, null)),
            NOW.withTaxonomy(new Taxonomy(List.of(NOW.taxonomy().domains().get(1)))));

    assertThat(summary.tone()).isEqualTo(Tone.WARNING);
    assertThat(summary.headline()).startsWith("Suite runs: 1 stale, 1 never run (of 2).");
  }

  @Test
  void no_suites_at_all_is_a_warning_too() {
    var summary = ExportRunStatus.summarize(List.of(), NOW);

    assertThat(summary.tone()).isEqualTo(Tone.WARNING);
    assertThat(summary.headline())
        .isEqualTo("No test suites: nothing shows how these policies route.");
  }

  private static SuiteRun suite(
      String name, RunStatus status, String answered, PolicyDocument policies) {
    var turn =
        new TurnResult(
            "c1",
            "case",
            0,
            0,
            "code generation",
            answered,
            DecisionOutcome.MATCHED,
            "",
            1,
            1,
            0,
            List.of());
    var run =
        new RegressionRun(
            "run-" + name,
            "suite-" + name,
            name,
            new EngineIdentity("llama.cpp", "m.gguf", "", policies.profile(), Map.of())
                .withWrapping(policies.promptWrapping().recorded()),
            Instant.EPOCH,
            0,
            status,
            "",
            List.of(turn),
            policies);
    return new SuiteRun(name, run, MetricsCalculator.compute(run));
  }
}
