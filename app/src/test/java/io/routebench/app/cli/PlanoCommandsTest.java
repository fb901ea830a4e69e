package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.inference.remote.LoopbackChatServer;
import io.routebench.inference.remote.PlanoStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running plano from the command line ({@code --plano}), against a loopback stand-in built from
 * plano's routing handler: as the router of a run and of one decision, and as the judge of a parity
 * run with known differences.
 */
class PlanoCommandsTest {

  /** The coding-assistant sample's targets: what its plano declares in model_providers. */
  private static final List<String> DECLARED =
      List.of(
          "openai/gpt-4o",
          "anthropic/claude-sonnet-4-5",
          "openai/gpt-4o-mini",
          "mistral/codestral-latest",
          "gemini/gemini-2.0-flash");

  /**
   * Four user turns. plano routes "Write" to code generation, "crash" to debugging, the rest
   * nowhere; the loopback endpoint answers code generation to everything. So plano and the endpoint
   * differ on "thanks" (no route against code generation) and on the crash.
   */
  private static final List<String> SUITE =
      List.of(
          "{\"name\": \"csv then thanks\", \"messages\": ["
              + "{\"role\": \"user\", \"content\": \"Write a CSV reader in Python\","
              + " \"expected_route\": \"code generation\"},"
              + "{\"role\": \"assistant\", \"content\": \"Here it is.\"},"
              + "{\"role\": \"user\", \"content\": \"thanks\", \"expected_route\": \"other\"}]}",
          "{\"name\": \"crash\", \"messages\": [{\"role\": \"user\", \"content\":"
              + " \"My app shows a crash on start\", \"expected_route\": \"debugging\"}]}",
          "{\"name\": \"tests\", \"messages\": [{\"role\": \"user\", \"content\":"
              + " \"Write pytest cases for it\", \"expected_route\": \"test writing\"}]}");

  @TempDir Path dir;
  private Path workspace;

  @BeforeEach
  void workspaceWithASuite() throws Exception {
    workspace = SampleWorkspace.withPolicies(dir);
    Path suite = dir.resolve("plano.jsonl");
    Files.write(suite, SUITE);
    SampleWorkspace.importSuite(workspace, suite, "plano");
  }

  /** {@code routebench parity} on the workspace's suite, with {@code options}. */
  private CliRun parity(String... options) {
    var args =
        new ArrayList<>(List.of("parity", "--workspace", workspace.toString(), "--suite", "plano"));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static PlanoStandIn plano() throws Exception {
    return new PlanoStandIn(DECLARED, Map.of())
        .routingByKeyword(Map.of("Write", "code generation", "crash", "debugging"));
  }

  @Test
  void a_parity_run_lists_every_turn_the_two_route_apart_with_both_answers() throws Exception {
    Path json = dir.resolve("parity.json");
    CliRun run;
    try (PlanoStandIn plano = plano();
        var endpoint = new LoopbackChatServer(8, Duration.ZERO)) {
      run =
          parity(
              "--plano",
              plano.address(),
              "--endpoint",
              endpoint.baseUrl(),
              "--endpoint-model",
              "arch-router",
              "--json",
              json.toString());
      assertThat(plano.routingRequests()).hasSize(4);
    }

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("parity 50.0% (2 of 4 turns routed alike)")
        .contains("csv then thanks, turn 2: expected \"other\"")
        .contains("plano:  other (empty)")
        .contains("crash, turn 1: expected \"debugging\"")
        .contains("plano:  debugging (matched)  {\"models\":[\"anthropic/claude-sonnet-4-5\"")
        .contains("router: code generation (matched)  {\"route\": \"code generation\"}");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("parity_rate").asDouble()).isEqualTo(0.5);
    assertThat(report.get("compared_turns").asInt()).isEqualTo(4);
    assertThat(report.at("/plano/kind").asText()).isEqualTo("plano");
    assertThat(report.at("/router/kind").asText()).isEqualTo("openai-endpoint");
    assertThat(report.get("differences").findValuesAsText("case"))
        .containsExactly("csv then thanks", "crash");
    assertThat(report.at("/differences/1/plano/route").asText()).isEqualTo("debugging");
    assertThat(report.at("/differences/1/router/route").asText()).isEqualTo("code generation");
    assertThat(report.at("/differences/1/router/raw_output").asText())
        .isEqualTo("{\"route\": \"code generation\"}");
  }

  @Test
  void a_parity_run_below_fail_under_exits_1() throws Exception {
    CliRun run;
    try (PlanoStandIn plano = plano();
        var endpoint = new LoopbackChatServer(8, Duration.ZERO)) {
      run =
          parity(
              "--plano", plano.address(), "--endpoint", endpoint.baseUrl(), "--fail-under", "0.9");
    }

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("parity 0.5000 is below --fail-under 0.9000");
  }

  @Test
  void a_parity_run_needs_plano_and_one_router_model() {
    CliRun noPlano = parity("--endpoint", "http://127.0.0.1:9");
    CliRun noModel = parity("--plano", "http://127.0.0.1:9");

    assertThat(noPlano.exitCode()).isEqualTo(2);
    assertThat(noPlano.err()).contains("a parity run needs --plano URL");
    assertThat(noModel.exitCode()).isEqualTo(2);
    assertThat(noModel.err()).contains("give --model FILE.gguf or --endpoint URL");
  }

  @Test
  void a_test_run_with_plano_stores_plano_s_decisions_and_counts_its_errors_as_proxy_errors()
      throws Exception {
    Path json = dir.resolve("report.json");
    CliRun run;
    try (PlanoStandIn plano =
        new PlanoStandIn(DECLARED, Map.of())
            .routingWith(
                (conversation, names) -> {
                  String last = conversation.get(conversation.size() - 1).get("content");
                  if (last.contains("crash")) {
                    throw new PlanoStandIn.OrchestratorFailure(
                        "Orchestrator model error: expected a sequence");
                  }
                  return last.contains("Write") ? List.of("code generation") : List.of();
                })) {
      run =
          CliRun.of(
              "test",
              "--workspace",
              workspace.toString(),
              "--suite",
              "plano",
              "--plano",
              plano.address(),
              "--json",
              json.toString());
    }

    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.at("/engine/kind").asText()).isEqualTo("plano");
    assertThat(report.at("/metrics/proxy_errors").asInt()).isEqualTo(1);
    assertThat(report.at("/metrics/passed_turns").asInt()).isEqualTo(2);
    assertThat(run.out())
        .containsPattern("proxy errors +1 ")
        .contains("Failed to determine route: Orchestrator model error: expected a sequence");
    assertThat(run.err()).contains("plano words the router prompt itself (plano-v1)");
  }

  @Test
  void route_with_plano_shows_plano_s_route_and_ranked_models() throws Exception {
    CliRun run;
    try (PlanoStandIn plano = plano()) {
      run =
          CliRun.of(
              "route",
              "--workspace",
              workspace.toString(),
              "--plano",
              plano.address(),
              "Write a binary search");
    }

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("route:    code generation (matched a policy)")
        .contains("models:   anthropic/claude-sonnet-4-5, then openai/gpt-4o on 429/5xx")
        .contains("routes to anthropic/claude-sonnet-4-5 (policy code generation, ranked first");
  }

  @Test
  void no_router_or_two_routers_is_a_usage_error() {
    CliRun none = CliRun.of("route", "--workspace", workspace.toString(), "hello");
    CliRun two =
        CliRun.of(
            "route",
            "--workspace",
            workspace.toString(),
            "--plano",
            "http://127.0.0.1:9",
            "--endpoint",
            "http://127.0.0.1:9",
            "hello");

    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .contains("name the router: --model FILE.gguf, --endpoint URL or --plano URL");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("give one of them, not 2");
  }
}
