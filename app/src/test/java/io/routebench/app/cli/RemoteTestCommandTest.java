package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.inference.remote.LoopbackChatServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code routebench test --endpoint … --parallel N} against a loopback server. */
class RemoteTestCommandTest {

  @TempDir Path dir;

  @Test
  void a_parallel_run_against_an_endpoint_stores_every_turn_in_suite_order() throws Exception {
    Path workspace = SampleWorkspace.withPolicies(dir);
    SampleWorkspace.importSuite(workspace, SamplePaths.suite("coding-assistant"), "full");
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
}
