package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.routebench.core.config.ImportChanges.Change;
import io.routebench.core.config.ImportChanges.Difference;
import io.routebench.core.config.ImportChanges.Kind;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportChangesTest {

  private static final PolicyDocument PLANO_DEMO =
      ProxyConfigImporter.importConfig(Fixtures.PLANO, Fixtures.text(Fixtures.PLANO)).document();

  @Test
  void the_same_config_again_changes_nothing() {
    ImportChanges changes =
        ImportChanges.between(PLANO_DEMO, read(Fixtures.PLANO, Fixtures.text(Fixtures.PLANO)));

    assertThat(changes.changesNothing()).isTrue();
    assertThat(changes.validation().hasErrors()).isFalse();
    assertThat(changes.secrets()).isEmpty();
  }

  @Test
  void routes_added_removed_and_changed_are_listed_with_old_and_new_values() {
    String edited =
        Fixtures.text(Fixtures.PLANO)
            .replace(
                "  - name: complex_reasoning\n"
                    + "    description: complex reasoning tasks, multi-step analysis, or detailed"
                    + " explanations\n"
                    + "    models:\n"
                    + "      - openai/gpt-4o\n"
                    + "      - openai/gpt-4o-mini\n"
                    + "    selection_policy:\n"
                    + "      prefer: cheapest\n",
                "  - name: small_talk\n"
                    + "    description: greetings\n"
                    + "    models:\n"
                    + "      - openai/gpt-4o-mini\n")
            .replace("\"reviewing a diff: bugs, style and risk\"", "reviewing a pull request")
            .replace(
                "      - anthropic/claude-sonnet-4-5\n      - openai/gpt-4o\n",
                "      - openai/gpt-4o\n");

    ImportChanges changes = ImportChanges.between(PLANO_DEMO, read("plano-v0.4.0.yaml", edited));

    assertThat(changes.routes())
        .containsExactly(
            new Change(Kind.REMOVED, "complex_reasoning", List.of()),
            new Change(
                Kind.CHANGED,
                "code_review",
                List.of(
                    new Difference(
                        "description",
                        "reviewing a diff: bugs, style and risk",
                        "reviewing a pull request"))),
            new Change(
                Kind.CHANGED,
                "code_generation",
                List.of(
                    new Difference("target", "anthropic/claude-sonnet-4-5", "openai/gpt-4o"),
                    new Difference("fallbacks", "openai/gpt-4o", null))),
            new Change(
                Kind.ADDED,
                "small_talk",
                List.of(
                    new Difference("description", null, "greetings"),
                    new Difference("target", null, "openai/gpt-4o-mini"))));
    assertThat(ImportChanges.count(changes.routes(), Kind.CHANGED)).isEqualTo(2);
    assertThat(changes.targets()).isEmpty();
    assertThat(changes.settings()).isEmpty();
  }

  @Test
  void an_archgw_config_over_a_plano_one_changes_targets_profile_router_and_proxy_keys() {
    ImportChanges changes =
        ImportChanges.between(PLANO_DEMO, read(Fixtures.ARCHGW, Fixtures.text(Fixtures.ARCHGW)));

    assertThat(changes.targets())
        .extracting(Change::kind, Change::name)
        .containsExactly(
            tuple(Kind.CHANGED, "openai/gpt-4o-mini"),
            tuple(Kind.CHANGED, "openai/gpt-4o"),
            tuple(Kind.CHANGED, "anthropic/claude-sonnet-4-5"));
    assertThat(changes.targets().get(0).differences())
        .containsExactly(new Difference("name", null, "gpt-4o-mini"));
    assertThat(changes.settings())
        .contains(
            new Difference("name", "plano-v0.4.0", "archgw-v0.3.0"),
            new Difference("prompt profile", "plano-v1", "archgw-v1"),
            new Difference(
                "router base URL", "http://localhost:11434", "http://host.docker.internal:11434"),
            new Difference("router provider name", null, "arch-router"),
            new Difference("proxy config", "plano v0.4.0", "archgw v0.3.0"));
    assertThat(changes.settings())
        .filteredOn(d -> d.field().equals("proxy config's other keys"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.before())
                  .isEqualTo(
                      "agents, filters, listeners, overrides, routing,"
                          + " model_metrics_sources, tracing");
              assertThat(d.after()).startsWith("listeners, endpoints, system_prompt");
            });
  }

  @Test
  void each_change_reads_as_one_line_routes_then_targets_then_settings() {
    String edited =
        Fixtures.text(Fixtures.PLANO)
            .replace("\"reviewing a diff: bugs, style and risk\"", "reviewing a pull request")
            .replace("  - name: sonnet\n", "  - name: claude\n");

    ImportChanges changes = ImportChanges.between(PLANO_DEMO, read(Fixtures.PLANO, edited));

    assertThat(changes.lines())
        .containsExactly(
            "route ~ code_review — description “reviewing a diff: bugs, style and risk” →"
                + " “reviewing a pull request”",
            "target ~ anthropic/claude-sonnet-4-5 — name “sonnet” → “claude”");
    assertThat(
            ImportChanges.describe(
                new Change(
                    Kind.ADDED,
                    "chat",
                    List.of(
                        new Difference("description", null, "small talk"),
                        new Difference("target", null, "openai/gpt-4o")))))
        .isEqualTo("+ chat — description “small talk”; target “openai/gpt-4o”");
    assertThat(ImportChanges.describe(new Change(Kind.REMOVED, "chat", List.of())))
        .isEqualTo("− chat");
  }

  @Test
  void other_values_under_the_same_proxy_keys_are_a_change_too() {
    String otherPort = Fixtures.text(Fixtures.PLANO).replace("port: 12000", "port: 12001");

    ImportChanges changes = ImportChanges.between(PLANO_DEMO, read(Fixtures.PLANO, otherPort));

    assertThat(changes.settings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).isEqualTo("proxy config's other keys");
              assertThat(d.after()).isEqualTo(d.before() + " (other values)");
            });
  }

  @Test
  void validation_problems_and_import_warnings_of_the_file_are_part_of_the_changes() {
    String withSecret =
        Fixtures.text(Fixtures.PLANO)
            .replace("$ANTHROPIC_API_KEY", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789")
            .replace("    default: true\n", "");

    ImportChanges changes = ImportChanges.between(PLANO_DEMO, read(Fixtures.PLANO, withSecret));

    assertThat(changes.secrets()).isNotEmpty();
    assertThat(changes.validation().hasErrors()).isTrue();
    assertThat(changes.importWarnings()).anyMatch(w -> w.contains("no provider is marked default"));
  }

  private static ImportedPolicies read(String name, String text) {
    return ConfigFiles.readPolicies(name, text);
  }
}
