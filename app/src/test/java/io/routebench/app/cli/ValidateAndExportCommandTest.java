package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.config.ProxyConfigImporter;
import io.routebench.core.config.ProxyImportResult;
import io.routebench.core.validation.PolicyValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ValidateAndExportCommandTest {

  @TempDir Path dir;

  static final java.util.List<String> SAMPLES = SamplePaths.SAMPLES;

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void every_sample_policy_document_validates(String sample) {
    CliRun run = CliRun.of("validate", SamplePaths.policy(sample).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(sample + ".policy.yaml: valid (");
  }

  @Test
  void a_broken_policy_document_is_rejected_with_the_line_column_and_path() throws Exception {
    Path broken = dir.resolve("broken.policy.yaml");
    Files.writeString(
        broken,
        """
        routebench: 1
        name: Broken
        targets:
          - model: openai/gpt-4o
            default: yes please
        domains:
          - name: coding
            description: Code.
            actions:
              - name: code generation
                description: Writing code.
                target: openai/gpt-4o
                colour: blue
        """);

    CliRun run = CliRun.of("validate", broken.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("broken.policy.yaml:5:")
        .contains("targets[0].default: must be true or false")
        .contains("broken.policy.yaml:13:")
        .contains("domains[0].actions[0].colour: unknown key");
  }

  @Test
  void a_policy_document_with_semantic_errors_lists_every_one_and_exits_1() throws Exception {
    Path invalid = dir.resolve("invalid.policy.yaml");
    Files.writeString(
        invalid,
        """
        routebench: 1
        name: Invalid
        targets:
          - model: openai/gpt-4o
            access_key: sk-live-1234567890
        domains:
          - name: coding
            description: Code.
            actions:
              - name: other
                description: Anything else.
                target: openai/gpt-4o
              - name: code review
                description: ""
        """);

    CliRun run = CliRun.of("validate", invalid.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("invalid.policy.yaml:5:17: error: targets[0].access_key:")
        .contains("$OPENAI_API_KEY")
        .doesNotContain("sk-live-1234567890")
        .contains("targets: no target is the default")
        .contains("\"other\" is reserved")
        .contains("domains[0].actions[1].target")
        .contains("invalid.policy.yaml: invalid (");
  }

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void proxy_configs_exported_from_samples_pass_the_proxy_rules(String sample) throws Exception {
    for (String format : new String[] {"archgw", "plano"}) {
      Path exported = dir.resolve(sample + "-" + format + ".yaml");

      CliRun export =
          CliRun.of(
              "export",
              "--from",
              SamplePaths.policy(sample).toString(),
              "--format",
              format,
              "-o",
              exported.toString());

      assertThat(export.exitCode()).as(export.err()).isZero();
      ProxyImportResult reimported = ProxyConfigImporter.importConfig(exported);
      assertThat(PolicyValidator.validate(reimported.document()).hasErrors()).isFalse();
      assertThat(reimported.document().taxonomy().routeNames())
          .containsExactlyInAnyOrderElementsOf(
              io.routebench.core.config.PolicyDocumentYaml.read(SamplePaths.policy(sample))
                  .taxonomy()
                  .routeNames());
      assertThat(CliRun.of("validate", exported.toString()).exitCode()).isZero();
    }
  }

  @Test
  void nothing_is_exported_while_the_policies_have_errors() throws Exception {
    Path invalid = dir.resolve("no-default.policy.yaml");
    Files.writeString(
        invalid,
        """
        routebench: 1
        name: No default
        targets:
          - model: openai/gpt-4o
        domains:
          - name: coding
            description: Code.
            actions:
              - name: code generation
                description: Writing code.
                target: openai/gpt-4o
        """);
    Path output = dir.resolve("out.yaml");

    CliRun run =
        CliRun.of(
            "export", "--from", invalid.toString(), "--format", "plano", "-o", output.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nothing exported");
    assertThat(output).doesNotExist();
  }

  @Test
  void version_and_help_succeed_and_unknown_commands_are_usage_errors() {
    assertThat(CliRun.of("--version").out()).startsWith("RouteBench ");
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("validate", "import", "export", "prompt", "route", "test");
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
  }
}
