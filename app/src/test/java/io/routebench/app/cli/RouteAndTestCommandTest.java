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

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.tinyQwen(models);
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
        .containsPattern("route: +\\S")
        .contains("target:", "raw:      {\"route\": \"", "tokens:   prompt ", "time:     prompt ");
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
  void route_json_is_machine_readable() throws Exception {
    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("personal-assistant").toString(),
            "--model",
            model.toString(),
            "--context",
            "4096",
            "--json",
            "Find me a hotel in Rome");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("route").asText()).isNotEmpty();
    assertThat(json.get("outcome").asText()).isIn("matched", "other");
    assertThat(json.get("target_model").asText()).contains("/");
    assertThat(json.at("/timing/prompt_tokens").asInt()).isPositive();
    String prompt = json.get("prompt").asText();
    assertThat(prompt).contains("Find me a hotel in Rome").doesNotContain("<|im_start|>");
    assertThat(json.get("templated_prompt").asText())
        .startsWith("<|im_start|>system")
        .contains("<|im_start|>user\n" + prompt + "<|im_end|>");
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

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Model file not found").contains("nope.gguf");
  }

  @Test
  void test_runs_a_suite_stores_the_run_and_writes_junit_and_json_reports() throws Exception {
    Path workspace = dir.resolve("w.routebench");
    assertThat(
            CliRun.of(
                    "import",
                    SamplePaths.policy("coding-assistant").toString(),
                    "--workspace",
                    workspace.toString())
                .exitCode())
        .isZero();
    Path suite = dir.resolve("small.jsonl");
    List<String> lines =
        Files.readAllLines(SamplePaths.suite("coding-assistant")).stream()
            .filter(l -> !l.isBlank())
            .limit(3)
            .toList();
    Files.write(suite, lines);
    assertThat(
            CliRun.of(
                    "import",
                    suite.toString(),
                    "--workspace",
                    workspace.toString(),
                    "--suite",
                    "smoke")
                .exitCode())
        .isZero();
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
    assertThat(run.exitCode()).isZero();

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
}
