package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.app.Main;
import io.routebench.app.testing.JavaProcesses;
import io.routebench.inference.gguf.TinyGgufModels;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless route and regression commands against a real (tiny, random) GGUF model. */
class RouteAndTestCommandTest {

  @TempDir static Path models;
  @TempDir Path dir;

  private static Path model;
  private static Path travelModel;

  @BeforeAll
  static void writeModels() {
    model = TinyGgufModels.answeringRoute(models, "code generation");
    travelModel = TinyGgufModels.answeringRoute(models, "trip planning");
  }

  @Test
  void route_prints_a_valid_route_its_target_and_the_timing() {
    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--model",
            model.toString(),
            "--context",
            "4096",
            "Write a Rust function that parses ISO dates");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "route:    code generation (matched a policy)",
            "target:",
            "raw:      {\"route\": \"code generation\"}",
            "tokens:   prompt ",
            "time:     prompt ");
  }

  @Test
  void a_fresh_process_prints_nothing_but_json_on_stdout(@TempDir Path home) throws Exception {
    // The binding announces its native library on stdout the first time a process loads it.
    Process process =
        JavaProcesses.start(
            List.of("-Droutebench.home=" + home),
            Main.class,
            "route",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--model",
            model.toString(),
            "--context",
            "4096",
            "--json",
            "Write a Rust function that parses ISO dates");
    process.getOutputStream().close();
    process.getErrorStream().transferTo(OutputStream.nullOutputStream());
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(stdout).isZero();
    JsonNode json = new ObjectMapper().readTree(stdout);
    assertThat(json.get("raw_output").asText()).startsWith("{\"route\": \"");
    assertThat(stdout.strip()).startsWith("{").endsWith("}");
    assertThat(home.resolve("native")).isDirectory();
  }

  @Test
  void route_json_says_proxy_error_where_the_proxy_would_answer_http_500() throws Exception {
    Path chatty =
        TinyGgufModels.answering(
            models.resolve("tiny-router-chatty.gguf"),
            List.of("{\"route\": \"", "trip planning", "\"}", " Have a nice trip!"));
    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("personal-assistant").toString(),
            "--model",
            chatty.toString(),
            "--context",
            "4096",
            "--json",
            "Find me a hotel in Rome");

    // The request would fail at the proxy: no route (null), a failed check (exit 1).
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("route").isNull()).as(run.out()).isTrue();
    assertThat(json.get("outcome").asText()).isEqualTo("proxy_error");
    assertThat(json.get("raw_output").asText())
        .isEqualTo("{\"route\": \"trip planning\"} Have a nice trip!");
    assertThat(json.get("proxy_error").asText()).isEqualTo("text follows the JSON answer");
    assertThat(json.get("target_model").isNull()).isTrue();
  }

  @Test
  void route_json_is_machine_readable() throws Exception {
    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("personal-assistant").toString(),
            "--model",
            travelModel.toString(),
            "--context",
            "4096",
            "--json",
            "Find me a hotel in Rome");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("route").asText()).isEqualTo("trip planning");
    assertThat(json.get("outcome").asText()).isEqualTo("matched");
    assertThat(json.get("raw_output").asText()).isEqualTo("{\"route\": \"trip planning\"}");
    assertThat(json.get("proxy_error").asText()).isEmpty();
    assertThat(json.get("target_model").asText()).contains("/");
    assertThat(json.at("/timing/prompt_tokens").asInt()).isPositive();
    String prompt = json.get("prompt").asText();
    assertThat(prompt).contains("Find me a hotel in Rome").doesNotContain("<|im_start|>");
    // Wrapped as Ollama, the default serving engine, wraps it: no system turn.
    assertThat(json.get("templated_prompt").asText())
        .isEqualTo("<|im_start|>user\n" + prompt + "<|im_end|>\n<|im_start|>assistant\n");
    assertThat(json.get("served_by").asText()).isEqualTo("ollama");
    var routeOrder = new ArrayList<String>();
    json.get("route_order").forEach(name -> routeOrder.add(name.asText()));
    assertThat(routeOrder).isNotEmpty();
    assertThat(prompt.indexOf("\"" + routeOrder.get(0) + "\""))
        .isLessThan(prompt.indexOf("\"" + routeOrder.get(routeOrder.size() - 1) + "\""));
    assertThat(json.get("proxy_action").asText())
        .matches("routes to \\S+ \\(policy .+\\)|goes to the default target \\S+");
  }

  @Test
  void a_missing_model_file_is_a_clear_error() {
    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--model",
            dir.resolve("nope.gguf").toString(),
            "hello");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Model file not found").contains("nope.gguf");
  }

  @Test
  void test_runs_a_suite_stores_the_run_and_writes_junit_and_json_reports() throws Exception {
    Path workspace = SampleWorkspace.withSmokeSuite(dir, 3);
    Path junit = dir.resolve("junit.xml");
    Path json = dir.resolve("report.json");

    CliRun run =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "smoke",
            "--model",
            model.toString(),
            "--context",
            "4096",
            "--junit",
            junit.toString(),
            "--json",
            json.toString());

    assertThat(run.out())
        .contains("turn accuracy", "span accuracy", "conversation accuracy", "overall");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    int turns = report.get("turns").size();
    assertThat(turns).isPositive();
    assertThat(report.at("/engine/kind").asText()).isEqualTo("llama.cpp");
    assertThat(report.at("/engine/profile").asText()).isEqualTo("archgw-v1");
    String xml = Files.readString(junit);
    assertThat(xml.split("<testcase ", -1)).hasSize(turns + 1);
    long failures =
        report.get("turns").findValues("passed").stream().filter(p -> !p.asBoolean()).count();
    assertThat(xml).contains("failures=\"" + failures + "\"");
    // Without a gate, every turn must pass.
    assertThat(run.exitCode()).isEqualTo(failures > 0 ? 1 : 0);

    CliRun gated =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "smoke",
            "--model",
            model.toString(),
            "--context",
            "4096",
            "--fail-under",
            "1.0",
            "--compare-to",
            "previous");
    assertThat(gated.out()).contains("compared to run " + report.get("run_id").asText());
    // Greedy decoding is deterministic: the same model gives the same routes, so no regressions.
    assertThat(gated.out()).contains("0 regression(s), 0 fix(es)");
    assertThat(gated.exitCode()).isEqualTo(failures > 0 ? 1 : 0);
  }

  @Test
  void a_run_counts_every_turn_the_proxy_would_fail_and_reports_it() throws Exception {
    Path workspace = SampleWorkspace.withSmokeSuite(dir, 2);
    Path prose =
        TinyGgufModels.answering(
            models.resolve("tiny-router-prose.gguf"), List.of("Sure:", " code generation."));
    Path junit = dir.resolve("junit.xml");
    Path json = dir.resolve("report.json");

    CliRun run =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "smoke",
            "--model",
            prose.toString(),
            "--context",
            "4096",
            "--junit",
            junit.toString(),
            "--json",
            json.toString());

    JsonNode report = new ObjectMapper().readTree(json.toFile());
    int turns = report.get("turns").size();
    assertThat(turns).isPositive();
    assertThat(report.at("/metrics/proxy_errors").asInt()).isEqualTo(turns);
    assertThat(report.at("/metrics/passed_turns").asInt()).isZero();
    assertThat(report.get("turns").findValuesAsText("outcome")).containsOnly("proxy_error");
    assertThat(run.out())
        .containsPattern("proxy errors +" + turns + " ")
        .contains("proxy error (HTTP 500) on Sure: code generation.");
    String xml = Files.readString(junit);
    assertThat(xml)
        .contains("<property name=\"proxy_errors\" value=\"" + turns + "\"/>")
        .contains("failures=\"" + turns + "\"")
        .contains("<failure type=\"proxy-error\"");
  }
}
