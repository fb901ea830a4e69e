package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routebench test --endpoint … --parallel N} against a loopback server, and its benchmark.
 */
class RemoteTestCommandTest {

  @TempDir Path dir;

  @Test
  void a_parallel_run_against_an_endpoint_stores_every_turn_in_suite_order() throws Exception {
    Path workspace = dir.resolve("w.routebench");
    assertThat(
            CliRun.of(
                    "import",
                    SamplePaths.policy("coding-assistant").toString(),
                    "--workspace",
                    workspace.toString())
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of(
                    "import",
                    SamplePaths.suite("coding-assistant").toString(),
                    "--workspace",
                    workspace.toString(),
                    "--suite",
                    "full")
                .exitCode())
        .isZero();
    Path json = dir.resolve("report.json");

    CliRun run;
    int mostAtOnce;
    try (var server = new LoopbackChatServer(64, Duration.ofMillis(5))) {
      run =
          CliRun.of(
              "test",
              "--workspace",
              workspace.toString(),
              "--suite",
              "full",
              "--endpoint",
              server.baseUrl(),
              "--endpoint-model",
              "arch-router",
              "--parallel",
              "3",
              // Every answer is the same route, so most turns miss theirs: accept any accuracy.
              "--fail-under",
              "0",
              "--json",
              json.toString());
      mostAtOnce = server.takeMostWorking();
    }

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(mostAtOnce).isBetween(1, 3);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.at("/engine/kind").asText()).isEqualTo("openai-endpoint");
    JsonNode turns = report.get("turns");
    assertThat(turns.size()).isGreaterThan(3);
    assertThat(turns.findValuesAsText("actual")).containsOnly("code generation");
  }

  @Test
  void parallel_must_be_at_least_one() {
    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--endpoint",
            "http://127.0.0.1:9",
            "--parallel",
            "0",
            "hello");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--parallel takes 1 to 256, not 0");
  }

  @Test
  void the_remote_benchmark_prints_throughput_against_the_bound_and_the_overhead() {
    CliRun run =
        CliRun.of(
            "bench",
            "remote",
            "--capacity",
            "2",
            "--latency-ms",
            "5",
            "--seconds",
            "0.05",
            "--turns",
            "200",
            "--dir",
            dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("capacity bound 400 turns/s", "of bound")
        .contains("Overhead: 200 turns")
        .containsPattern("total +\\d+\\.\\d+ ms/turn");
  }
}
