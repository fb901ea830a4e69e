package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes a CI script relies on, one test per outcome: 0 passed or the given gate held, 1
 * the gate failed, 2 usage, 3 could not run. The router is a served endpoint on 127.0.0.1 whose
 * answer each test chooses, so which turns pass is known exactly.
 */
class ExitCodesTest {

  private static final String CODE_GENERATION = "{\"route\": \"code generation\"}";

  @TempDir Path dir;

  private Path workspace;
  private final AtomicReference<String> answer = new AtomicReference<>(CODE_GENERATION);

  @BeforeEach
  void workspaceWithATwoTurnSuite() throws IOException {
    Path suite = dir.resolve("gate.jsonl");
    // Turn 1 expects the route the server answers by default, turn 2 another one.
    Files.writeString(
        suite,
        "{\"name\": \"two turns\", \"messages\": ["
            + "{\"role\": \"user\", \"content\": \"Write a CSV reader.\","
            + " \"expected_route\": \"code generation\"},"
            + "{\"role\": \"assistant\", \"content\": \"Here it is.\"},"
            + "{\"role\": \"user\", \"content\": \"It crashes on empty lines, why?\","
            + " \"expected_route\": \"debugging\"}]}\n");
    workspace = SampleWorkspace.withPolicies(dir);
    SampleWorkspace.importSuite(workspace, suite, "gate");
  }

  @Test
  void a_run_where_every_turn_passes_exits_0() throws IOException {
    answer.set(null); // each turn gets its expected route
    CliRun run = test();
    assertThat(run.out()).contains("turn accuracy          100.00%");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
  }

  @Test
  void a_failed_turn_without_a_gate_exits_1() throws IOException {
    CliRun run = test();

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("1 of 2 turn(s) missed their expected route");
  }

  @Test
  void fail_under_0_keeps_the_old_behaviour_of_accepting_failed_turns() throws IOException {
    assertThat(test("--fail-under", "0").exitCode()).isEqualTo(0);
    assertThat(test("--fail-under", "0.5").exitCode()).isEqualTo(0);
  }

  @Test
  void a_missed_fail_under_exits_1() throws IOException {
    CliRun run = test("--fail-under", "0.9");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("turn accuracy 0.5000 is below --fail-under 0.9000");
  }

  @Test
  void compare_to_fails_on_regressions_only() throws IOException {
    assertThat(test().exitCode()).isEqualTo(1); // the baseline: turn 2 fails

    CliRun same = test("--compare-to", "previous");
    answer.set("{\"route\": \"other\"}"); // now turn 1 fails too
    CliRun regressed = test("--compare-to", "previous");

    assertThat(same.exitCode()).as(same.err()).isEqualTo(0);
    assertThat(regressed.exitCode()).isEqualTo(1);
    assertThat(regressed.err()).contains("1 turn(s) regressed");
  }

  @Test
  void an_unreachable_router_exits_3_not_1() throws IOException {
    CliRun run =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "gate",
            "--endpoint",
            "http://127.0.0.1:" + closedPort() + "/v1",
            "--timeout",
            "5");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
  }

  @Test
  void usage_errors_exit_2() {
    assertThat(CliRun.of("test", "--workspace", workspace.toString()).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("test", "--no-such-option").exitCode()).isEqualTo(2);
    CliRun noSuite =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "absent",
            "--endpoint",
            "http://127.0.0.1:9/v1");
    assertThat(noSuite.exitCode()).isEqualTo(2);
    assertThat(noSuite.err()).contains("no suite named \"absent\"");
    for (CliRun elsewhere :
        List.of(
            CliRun.of(
                "doctor",
                "--workspace",
                workspace.toString(),
                "--suite",
                "absent",
                "--endpoint",
                "http://127.0.0.1:9/v1"),
            CliRun.of(
                "parity",
                "--workspace",
                workspace.toString(),
                "--suite",
                "absent",
                "--plano",
                "http://127.0.0.1:9",
                "--endpoint",
                "http://127.0.0.1:9/v1"))) {
      assertThat(elsewhere.exitCode()).as(elsewhere.err()).isEqualTo(2);
      assertThat(elsewhere.err()).contains("no suite named \"absent\"");
    }
    CliRun noWorkspace =
        CliRun.of(
            "test",
            "--workspace",
            dir.resolve("absent.routebench").toString(),
            "--suite",
            "gate",
            "--endpoint",
            "http://127.0.0.1:9/v1");
    assertThat(noWorkspace.exitCode()).isEqualTo(2);
  }

  @Test
  void an_unreadable_workspace_exits_3() throws IOException {
    Path garbage = dir.resolve("garbage.routebench");
    Files.writeString(garbage, "not a database at all, but named like a workspace\n");

    CliRun test =
        CliRun.of(
            "test",
            "--workspace",
            garbage.toString(),
            "--suite",
            "gate",
            "--endpoint",
            "http://127.0.0.1:9/v1");
    CliRun list = CliRun.of("suite", "list", "--workspace", garbage.toString());

    assertThat(test.exitCode()).as(test.err()).isEqualTo(3);
    assertThat(list.exitCode()).as(list.err()).isEqualTo(3);
  }

  @Test
  void validate_exits_0_valid_1_invalid_2_missing() throws IOException {
    Path invalid = dir.resolve("invalid.policy.yaml");
    Files.writeString(invalid, "routebench: 1\nname: x\ntargets: []\n");

    assertThat(CliRun.of("validate", SamplePaths.policy("coding-assistant").toString()).exitCode())
        .isEqualTo(0);
    assertThat(CliRun.of("validate", invalid.toString()).exitCode()).isEqualTo(1);
    assertThat(CliRun.of("validate", dir.resolve("absent.yaml").toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void route_json_on_a_proxy_error_has_a_null_route_the_outcome_and_exits_1() throws Exception {
    CliRun run;
    try (var server = new AnsweringRouterServer(request -> "I would pick code generation.")) {
      run =
          CliRun.of(
              "route",
              "--config",
              SamplePaths.policy("coding-assistant").toString(),
              "--endpoint",
              server.baseUrl(),
              "--json",
              "Write a CSV reader.");
    }

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("route").isNull()).as(run.out()).isTrue();
    assertThat(json.get("outcome").asText()).isEqualTo("proxy_error");
    assertThat(json.get("proxy_error").asText()).isNotBlank();
  }

  @Test
  void route_json_with_a_route_exits_0() throws Exception {
    CliRun run;
    try (var server = new AnsweringRouterServer(request -> CODE_GENERATION)) {
      run =
          CliRun.of(
              "route",
              "--config",
              SamplePaths.policy("coding-assistant").toString(),
              "--endpoint",
              server.baseUrl(),
              "--json",
              "Write a CSV reader.");
    }

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(run.out()).get("route").asText())
        .isEqualTo("code generation");
  }

  @Test
  void every_command_lists_the_exit_codes_in_its_help() {
    for (String[] command :
        List.of(
            new String[] {"--help"},
            new String[] {"test", "--help"},
            new String[] {"validate", "--help"},
            new String[] {"route", "--help"},
            new String[] {"suite", "export", "--help"},
            new String[] {"model", "get", "--help"})) {
      CliRun help = CliRun.of(command);
      assertThat(help.exitCode()).isZero();
      assertThat(help.out())
          .as(String.join(" ", command))
          .contains("Exit codes:")
          .containsPattern("\\n\\s+0\\s+success")
          .containsPattern("\\n\\s+1\\s+the check failed")
          .containsPattern("\\n\\s+2\\s+usage")
          .containsPattern("\\n\\s+3\\s+could not run");
    }
  }

  /** Runs the suite against a router that answers {@link #answer}, or each turn's expectation. */
  private CliRun test(String... extra) throws IOException {
    try (var server =
        new AnsweringRouterServer(
            request -> {
              String fixed = answer.get();
              if (fixed != null) {
                return fixed;
              }
              // The second user turn is the last message of its request.
              return request.contains("empty lines")
                  ? "{\"route\": \"debugging\"}"
                  : CODE_GENERATION;
            })) {
      var args =
          new ArrayList<>(
              List.of(
                  "test",
                  "--workspace",
                  workspace.toString(),
                  "--suite",
                  "gate",
                  "--endpoint",
                  server.baseUrl()));
      args.addAll(List.of(extra));
      return CliRun.of(args.toArray(String[]::new));
    }
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
