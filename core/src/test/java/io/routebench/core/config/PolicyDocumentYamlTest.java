package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyDocumentYamlTest {

  @Test
  void a_policy_document_is_read_with_every_setting() {
    PolicyDocument document = readFixture();

    assertThat(document.name()).isEqualTo("Coding assistant");
    assertThat(document.profile()).isEqualTo(PromptProfile.PLANO_V1);
    assertThat(document.targets()).hasSize(3);
    assertThat(document.targets().get(1))
        .isEqualTo(
            new ModelTarget(
                "anthropic/claude-sonnet-4-5",
                "sonnet",
                "https://api.anthropic.com",
                "$ANTHROPIC_API_KEY",
                false,
                "claude",
                "{\"http_host\":\"api.anthropic.com\",\"headers\":{\"anthropic-beta\":\"prompt-caching-2024-07-31\"}}"));
    assertThat(document.selfHostedRouter())
        .isEqualTo(
            new SelfHostedRouter(
                "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M",
                "http://localhost:11434",
                "arch-router"));
    Domain coding = document.taxonomy().domains().get(0);
    assertThat(coding.id()).isEqualTo("5c1e7d2a-0c57-4f59-9a43-0d7b1f0a5a11");
    assertThat(coding.coarsePolicy()).isEqualTo(PolicySettings.targeting("openai/gpt-4o"));
    assertThat(coding.actions().get(0))
        .isEqualTo(
            new Action(
                "9a0b3c4d-1e2f-4a5b-8c6d-7e8f9a0b1c2d",
                "code generation",
                "Generating new code, functions, classes or boilerplate\nfrom a specification.",
                new PolicySettings(
                    null,
                    "anthropic/claude-sonnet-4-5",
                    List.of("openai/gpt-4o"),
                    SelectionPreference.FASTEST)));
    assertThat(coding.actions().get(1).policy().routeNameOverride()).isEqualTo("review");
    Domain chat = document.taxonomy().domains().get(1);
    assertThat(chat.coarsePolicy())
        .isEqualTo(
            new PolicySettings(
                "small talk", "openai/gpt-4o-mini", List.of(), SelectionPreference.CHEAPEST));
    assertThat(document.taxonomy().routeNames())
        .containsExactly("coding", "code generation", "review", "small talk");
    assertThat(document.proxyExtras().dialect()).isEqualTo(ProxyDialect.PLANO_V0_4);
    assertThat(document.proxyExtras().topLevelJson())
        .isEqualTo(
            "{\"version\":null,\"listeners\":[{\"type\":\"model\",\"name\":\"model_listener\","
                + "\"port\":12000}],\"model_providers\":null,\"routing_preferences\":null,"
                + "\"tracing\":{\"random_sampling\":100}}");
  }

  @Test
  void writing_then_reading_gives_the_same_document() {
    PolicyDocument document = readFixture();

    String written = PolicyDocumentYaml.write(document);

    assertThat(PolicyDocumentYaml.read("again.policy.yaml", written)).isEqualTo(document);
  }

  @Test
  void the_serving_engine_and_its_template_and_system_message_round_trip() {
    PolicyDocument document =
        readFixture()
            .withPromptWrapping(
                new PromptWrapping(
                    ServingEngine.LLAMA_SERVER,
                    new CustomChatTemplate(
                        "router.jinja",
                        "{%- for m in messages %}{{ m.role }}: {{ m.content }}\n{%- endfor %}"),
                    "You route requests.\nAnswer in JSON."));

    String written = PolicyDocumentYaml.write(document);

    assertThat(written).contains("served_by:").contains("engine: llama-server");
    assertThat(PolicyDocumentYaml.read("again.policy.yaml", written)).isEqualTo(document);
    // The default is not written, so existing files stay as they are.
    assertThat(PolicyDocumentYaml.write(readFixture())).doesNotContain("served_by");
  }

  @Test
  void an_unknown_serving_engine_or_a_template_for_ollama_is_reported_at_its_key() {
    ConfigFormatException unknown =
        readError(
            """
            routebench: 1
            name: x
            served_by:
              engine: tgi
            """);
    ConfigFormatException goTemplates =
        readError(
            """
            routebench: 1
            name: x
            served_by:
              engine: ollama
              chat_template: "{{ messages }}"
            """);

    assertThat(unknown.problems().get(0).keyPath()).isEqualTo("served_by");
    assertThat(unknown.problems().get(0).message())
        .contains("unknown serving engine 'tgi'")
        .contains("llama-server-no-jinja");
    assertThat(goTemplates.problems().get(0).message()).contains("ollama uses Go templates");
  }

  @Test
  void the_fixture_is_written_back_byte_for_byte() {
    String fixture = Fixtures.text(Fixtures.POLICY_DOCUMENT);

    assertThat(PolicyDocumentYaml.write(PolicyDocumentYaml.read("f", fixture)))
        .isEqualTo(
            fixture
                .replace("fallbacks: [openai/gpt-4o]", "fallbacks:\n          - openai/gpt-4o")
                .replace(
                    "fallbacks: [anthropic/claude-sonnet-4-5, openai/gpt-4o-mini]",
                    "fallbacks:\n          - anthropic/claude-sonnet-4-5\n          - openai/gpt-4o-mini"));
  }

  @Test
  void an_imported_proxy_config_survives_the_policy_document() {
    for (String config : List.of(Fixtures.ARCHGW, Fixtures.PLANO)) {
      PolicyDocument imported =
          ProxyConfigImporter.importConfig(config, Fixtures.text(config)).document();

      PolicyDocument reread =
          PolicyDocumentYaml.read("x.policy.yaml", PolicyDocumentYaml.write(imported));

      assertThat(reread).as(config).isEqualTo(imported);
    }
  }

  @Test
  void missing_ids_are_generated() {
    PolicyDocument document =
        PolicyDocumentYaml.read(
            "noids.policy.yaml",
            """
            routebench: 1
            name: minimal
            domains:
              - name: coding
                description: Programming.
                actions:
                  - name: code generation
                    description: Writing new code.
            """);

    Domain domain = document.taxonomy().domains().get(0);
    assertThat(domain.id()).isNotBlank();
    assertThat(domain.actions().get(0).id()).isNotBlank().isNotEqualTo(domain.id());
    assertThat(document.profile()).isEqualTo(PromptProfile.ARCHGW_V1);
    assertThat(document.targets()).isEmpty();
  }

  @Test
  void a_document_from_a_newer_routebench_is_rejected_clearly() {
    ConfigFormatException error = readError("routebench: 2\nname: future\nfuture_key: 1\n");

    assertThat(error.getMessage())
        .isEqualTo(
            "bad.policy.yaml:1:13: routebench: this file was written by a newer RouteBench"
                + " (format 2); this version reads format 1 and older");
  }

  @Test
  void a_document_without_a_format_version_is_rejected() {
    ConfigFormatException error = readError("name: no version\n");

    assertThat(error.keyPath()).isEqualTo("routebench");
    assertThat(error.getMessage()).contains("is required: the policy document format version");
  }

  @Test
  void unknown_keys_are_reported_with_their_path_position_and_the_allowed_keys() {
    ConfigFormatException error =
        readError(
            """
            routebench: 1
            name: typo
            domains:
              - name: coding
                description: Programming.
                actions:
                  - name: code generation
                    description: Writing new code.
                    fallback: [openai/gpt-4o]
            """);

    assertThat(error.problems())
        .containsExactly(
            new ConfigFormatException.Problem(
                9,
                9,
                "domains[0].actions[0].fallback",
                "unknown key; allowed here: id, name, description, route, target, fallbacks,"
                    + " prefer"));
  }

  @Test
  void a_syntax_error_names_its_line_and_column() {
    ConfigFormatException error =
        readError("routebench: 1\nname: broken\ndomains:\n  - name: \"unterminated\n");

    assertThat(error.line()).isEqualTo(5);
    assertThat(error.column()).isEqualTo(1);
    assertThat(error.getMessage())
        .startsWith("bad.policy.yaml:5:1: invalid YAML: found unexpected end of stream");
  }

  @Test
  void wrong_values_are_all_reported_at_once() {
    ConfigFormatException error =
        readError(
            """
            routebench: 1
            name: [not, a, string]
            profile: archgw-v9
            targets:
              - name: model missing
                default: maybe
            domains:
              - id: same
                name: coding
                actions:
                  - id: same
                    name: code generation
                    description: Writing new code.
                    prefer: slowest
            """);

    assertThat(error.problems())
        .extracting(ConfigFormatException.Problem::keyPath)
        .containsExactly(
            "name",
            "profile",
            "targets[0].model",
            "targets[0].default",
            "domains[0].actions[0].prefer",
            "domains[0].actions[0].id");
    assertThat(error.problems().get(5).message())
        .isEqualTo("id \"same\" is also used by domains[0]");
  }

  @Test
  void a_file_round_trips_through_the_file_system(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.policy.yaml");
    Files.writeString(file, PolicyDocumentYaml.write(readFixture()));

    assertThat(PolicyDocumentYaml.read(file)).isEqualTo(readFixture());
  }

  private static PolicyDocument readFixture() {
    return PolicyDocumentYaml.read(
        Fixtures.POLICY_DOCUMENT, Fixtures.text(Fixtures.POLICY_DOCUMENT));
  }

  private static ConfigFormatException readError(String text) {
    ConfigFormatException error =
        catchThrowableOfType(
            ConfigFormatException.class, () -> PolicyDocumentYaml.read("bad.policy.yaml", text));
    assertThat(error).as("reading a broken document must fail").isNotNull();
    return error;
  }
}
