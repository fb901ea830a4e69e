package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.workspace.WorkspaceEditLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String ARCHGW_CONFIG =
      """
      version: v0.1.0
      listeners:
        egress_traffic:
          address: 0.0.0.0
          port: 12000
          message_format: openai
          timeout: 30s
      llm_providers:
        - model: openai/gpt-4o-mini
          access_key: $OPENAI_API_KEY
          default: true
        - model: openai/gpt-4o
          access_key: $OPENAI_API_KEY
          routing_preferences:
            - name: code understanding
              description: understand and explain existing code snippets, functions, or libraries
        - model: anthropic/claude-sonnet-4-5
          access_key: $ANTHROPIC_API_KEY
          usage: beta
          routing_preferences:
            - name: code generation
              description: generating new code snippets, functions, or boilerplate based on user prompts or requirements
        - name: arch-router
          model: arch/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M
          base_url: http://host.docker.internal:11434
      routing:
        model: Arch-Router
        model_provider: arch-router
      model_aliases:
        fast-llm:
          target: gpt-4o-mini
      tracing:
        random_sampling: 100
      prompt_targets:
        - name: get_weather
          description: Get the weather for a city
          parameters:
            - name: city
              type: str
              required: true
          endpoint:
            name: weather_api
            path: /weather
      endpoints:
        weather_api:
          endpoint: host.docker.internal:18083
      """;

  @TempDir Path dir;

  @Test
  void importing_then_exporting_a_real_config_gives_the_users_config_back() throws Exception {
    Path config = dir.resolve("arch_config.yaml");
    Files.writeString(config, ARCHGW_CONFIG);
    Path workspace = dir.resolve("mine.routebench");

    CliRun imported = CliRun.of("import", config.toString(), "--workspace", workspace.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 2 routes and 3 targets");

    Path exported = dir.resolve("exported.yaml");
    CliRun export =
        CliRun.of(
            "export",
            "--workspace",
            workspace.toString(),
            "--format",
            "archgw",
            "-o",
            exported.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();

    JsonNode original = YAML.readTree(ARCHGW_CONFIG);
    JsonNode roundTripped = YAML.readTree(exported.toFile());
    assertThat(roundTripped).isEqualTo(original);
    assertThat(Files.readString(exported)).startsWith("version: v0.1.0\nlisteners:");
  }

  @Test
  void an_existing_taxonomy_is_only_replaced_when_asked() throws Exception {
    Path workspace = dir.resolve("w.routebench");
    Path sample = SamplePaths.policy("coding-assistant");
    assertThat(
            CliRun.of("import", sample.toString(), "--workspace", workspace.toString()).exitCode())
        .isZero();

    Path config = dir.resolve("arch_config.yaml");
    Files.writeString(config, ARCHGW_CONFIG);
    CliRun refused = CliRun.of("import", config.toString(), "--workspace", workspace.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("pass --replace");

    CliRun replaced =
        CliRun.of("import", config.toString(), "--workspace", workspace.toString(), "--replace");
    assertThat(replaced.exitCode()).isZero();
    assertThat(replaced.out())
        .startsWith("replacing the workspace's policies:\n")
        .contains(
            "\n  route − debugging\n", "\n  setting name “Coding assistant” → “arch_config”\n");
  }

  @Test
  void policies_are_not_replaced_under_a_workbench_that_has_the_workspace_open() throws Exception {
    Path workspace = dir.resolve("open.routebench");
    Path sample = SamplePaths.policy("coding-assistant");
    assertThat(
            CliRun.of("import", sample.toString(), "--workspace", workspace.toString()).exitCode())
        .isZero();
    Path config = Files.writeString(dir.resolve("arch_config.yaml"), ARCHGW_CONFIG);
    String before = exportedPolicies(workspace);

    CliRun refused;
    try (var workbench = WorkspaceEditLock.acquire(workspace, AppPaths.fromSystem().lockDir())) {
      refused =
          CliRun.of("import", config.toString(), "--workspace", workspace.toString(), "--replace");
    }

    // Not the file's fault: the import could not run, and may be tried again later.
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.err())
        .startsWith("routebench: " + workspace + " is already open in ")
        .contains("close it there first");
    assertThat(exportedPolicies(workspace)).isEqualTo(before);
  }

  private static String exportedPolicies(Path workspace) {
    CliRun export = CliRun.of("export", "--workspace", workspace.toString(), "--format", "policy");
    assertThat(export.exitCode()).as(export.err()).isZero();
    return export.out();
  }

  @Test
  void import_errors_name_the_file_line_and_column() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(
        config,
        "version: v0.3.0\nmodel_providers:\n  - model: openai/gpt-4o\n    routing_preferences:\n      - name: x\n        description: [not, a, string]\n");

    CliRun run =
        CliRun.of(
            "import", config.toString(), "--workspace", dir.resolve("w.routebench").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("bad.yaml:6:")
        .contains("model_providers[0].routing_preferences[0].description");
  }

  @Test
  void suites_import_from_jsonl_and_export_back() throws Exception {
    Path workspace = SampleWorkspace.withPolicies(dir);

    CliRun imported =
        CliRun.of(
            "import",
            SamplePaths.suite("coding-assistant").toString(),
            "--workspace",
            workspace.toString(),
            "--suite",
            "coding");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.err()).doesNotContain("warning");

    CliRun exported =
        CliRun.of("suite", "export", "--workspace", workspace.toString(), "--suite", "coding");
    assertThat(exported.exitCode()).isZero();
    long lines =
        Files.readAllLines(SamplePaths.suite("coding-assistant")).stream()
            .filter(l -> !l.isBlank())
            .count();
    assertThat(exported.out().lines().count()).isEqualTo(lines);
    assertThat(CliRun.of("validate", workspace.toString()).exitCode()).isZero();
  }

  @Test
  void bad_jsonl_lines_are_reported_and_imported_only_with_skip_bad() throws Exception {
    Path suite = dir.resolve("mixed.jsonl");
    Files.writeString(
        suite,
        """
        {"name": "good", "messages": [{"role": "user", "content": "hi", "expected_route": "other"}]}
        {"name": "bad", "messages": [{"role": "assistant", "content": "hello", "expected_route": "other"}]}
        not json at all
        {"name": "also good", "messages": [{"role": "user", "content": "bye", "expected_route": "other"}]}
        """);
    Path workspace = dir.resolve("w.routebench");

    CliRun refused = CliRun.of("import", suite.toString(), "--workspace", workspace.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("mixed.jsonl: line 2")
        .contains("mixed.jsonl: line 3")
        .contains("nothing imported");

    CliRun skipped =
        CliRun.of("import", suite.toString(), "--workspace", workspace.toString(), "--skip-bad");
    assertThat(skipped.exitCode()).isZero();
    assertThat(skipped.out())
        .contains("imported 2 case(s) into suite \"mixed\"")
        .contains("skipped 2 bad line(s)");
  }
}
