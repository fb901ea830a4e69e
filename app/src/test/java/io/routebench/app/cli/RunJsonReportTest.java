package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON report's bytes are what CI scripts parse: keys, order and number formats stay. */
class RunJsonReportTest {

  @Test
  void a_compared_failed_run_is_written_byte_for_byte_as_before() throws IOException {
    RegressionRun baseline =
        run(
            "run-0",
            RunStatus.COMPLETED,
            "",
            List.of(
                turn("c1", 0, "code", "code", DecisionOutcome.MATCHED),
                turn("c2", 0, "debugging", "other", DecisionOutcome.OTHER)));
    RegressionRun candidate =
        run(
            "run-1",
            RunStatus.FAILED,
            "engine \"died\"",
            List.of(
                turn("c1", 0, "code", "debugging", DecisionOutcome.MATCHED),
                turn("c2", 0, "debugging", "debugging", DecisionOutcome.MATCHED),
                turn("c3", 1, "other", "proxy_error", DecisionOutcome.PROXY_ERROR)));

    String json =
        RunJsonReport.render(
            candidate,
            MetricsCalculator.compute(candidate),
            RunComparison.compare(baseline, candidate));

    assertThat(json).isEqualTo(golden("run-report.json"));
  }

  @Test
  void a_run_without_failure_or_comparison_leaves_those_keys_out() {
    RegressionRun run =
        run(
            "run-2",
            RunStatus.COMPLETED,
            "",
            List.of(turn("c1", 0, "code", "code", DecisionOutcome.MATCHED)));

    String json = RunJsonReport.render(run, MetricsCalculator.compute(run), null);

    assertThat(json).doesNotContain("\"failure\"", "\"comparison\"").endsWith("}\n");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = RunJsonReportTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static RegressionRun run(
      String id, RunStatus status, String failure, List<TurnResult> results) {
    return new RegressionRun(
        id,
        "s1",
        "smoke",
        new EngineIdentity(
            "llama.cpp",
            "arch-router.gguf",
            "ab12",
            PromptProfile.PLANO_V1,
            Map.of("threads", "2", "context", "4096")),
        Instant.parse("2025-03-04T05:06:07.123Z"),
        4321,
        status,
        failure,
        results);
  }

  private static TurnResult turn(
      String caseId, int turn, String expected, String actual, DecisionOutcome outcome) {
    return new TurnResult(
        caseId,
        "case " + caseId,
        turn,
        turn * 2,
        expected,
        actual,
        outcome,
        "{\"route\": \"" + actual + "\"}\u00e9",
        17,
        300,
        120,
        List.of());
  }
}
