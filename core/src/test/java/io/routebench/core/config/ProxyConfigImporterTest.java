package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigImporterTest {

  @Test
  void archgw_providers_named_after_their_models_give_domains_by_the_routes_leading_word() {
    PolicyDocument document = importFixture(Fixtures.ARCHGW).document();

    assertThat(document.name()).isEqualTo("archgw-v0.3.0");
    assertThat(document.profile()).isEqualTo(PromptProfile.ARCHGW_V1);
    // "gpt-4o" and "claude-sonnet" only repeat model ids: no domain a person would choose.
    assertThat(document.taxonomy().domains())
        .extracting(Domain::name)
        .containsExactly("code", "general");
    Domain code = document.taxonomy().domains().get(0);
    assertThat(code.isCoarsePolicy()).isFalse();
    assertThat(code.description())
        .isEqualTo("Routes imported from archgw-v0.3.0.yaml whose names start with “code”.");
    assertThat(code.actions())
        .extracting(Action::name)
        .containsExactly("code understanding", "code generation");
    assertThat(code.actions().get(1).description())
        .isEqualTo("generating new code: functions, classes or boilerplate #from a spec");
    assertThat(code.actions().get(1).policy())
        .isEqualTo(PolicySettings.targeting("anthropic/claude-sonnet-4-5"));
    assertThat(document.taxonomy().domains().get(1).actions())
        .extracting(Action::name)
        .containsExactly("yes");
  }

  @Test
  void archgw_providers_become_targets_with_unmodelled_keys_kept_in_order() {
    PolicyDocument document = importFixture(Fixtures.ARCHGW).document();

    assertThat(document.targets())
        .extracting(ModelTarget::model)
        .containsExactly("openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-sonnet-4-5");
    assertThat(document.targets().get(0))
        .isEqualTo(
            new ModelTarget(
                "openai/gpt-4o-mini", "gpt-4o-mini", null, "$OPENAI_API_KEY", true, null, "{}"));
    ModelTarget claude = document.targets().get(2);
    assertThat(claude.providerInterface()).isEqualTo("claude");
    assertThat(claude.isDefault()).isFalse();
    assertThat(claude.extrasJson()).isEqualTo("{\"http_host\":\"api.anthropic.com\"}");
  }

  @Test
  void archgw_routing_block_names_the_self_hosted_router_which_is_not_a_target() {
    ProxyImportResult result = importFixture(Fixtures.ARCHGW);

    assertThat(result.document().selfHostedRouter())
        .isEqualTo(
            new SelfHostedRouter(
                "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M",
                "http://host.docker.internal:11434",
                "arch-router"));
    assertThat(result.document().targetByModel("arch/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M"))
        .isEmpty();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void archgw_import_remembers_dialect_version_and_legacy_providers_key() {
    var extras = importFixture(Fixtures.ARCHGW).document().proxyExtras();

    assertThat(extras.dialect()).isEqualTo(ProxyDialect.ARCHGW_V0_3);
    assertThat(extras.version()).isEqualTo("v0.3.0");
    assertThat(extras.providersKey()).isEqualTo("llm_providers");
    var topLevel = Yaml.objectFromJson(extras.topLevelJson());
    assertThat(topLevel.fieldNames())
        .toIterable()
        .containsExactly(
            "version",
            "listeners",
            "endpoints",
            "system_prompt",
            "llm_providers",
            "model_aliases",
            "prompt_targets",
            "routing",
            "tracing",
            ProxyConfigImporter.ROUTER_PROVIDER_KEY);
    assertThat(topLevel.get("llm_providers").isNull()).isTrue();
    assertThat(topLevel.at("/prompt_targets/0/parameters/1/default").isTextual()).isTrue();
  }

  @Test
  void plano_routes_keep_their_models_as_target_then_fallbacks_and_their_preference() {
    PolicyDocument document = importFixture(Fixtures.PLANO).document();

    assertThat(document.profile()).isEqualTo(PromptProfile.PLANO_V1);
    assertThat(document.taxonomy().domains())
        .extracting(Domain::name)
        .containsExactly("general", "code");
    assertThat(document.taxonomy().policies())
        .extracting(
            RoutingPolicy::routeName,
            RoutingPolicy::targetModel,
            RoutingPolicy::fallbackModels,
            RoutingPolicy::preference)
        .containsExactly(
            tuple(
                "complex_reasoning",
                "openai/gpt-4o",
                List.of("openai/gpt-4o-mini"),
                SelectionPreference.CHEAPEST),
            tuple("code_review", "openai/gpt-4o", List.of(), SelectionPreference.NONE),
            tuple(
                "code_generation",
                "anthropic/claude-sonnet-4-5",
                List.of("openai/gpt-4o"),
                SelectionPreference.FASTEST));
  }

  @Test
  void plano_llm_routing_model_names_the_router_provider_by_its_model() {
    ProxyImportResult result = importFixture(Fixtures.PLANO);

    assertThat(result.document().selfHostedRouter())
        .isEqualTo(
            new SelfHostedRouter(
                "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M", "http://localhost:11434", null));
    assertThat(result.document().targets())
        .extracting(ModelTarget::model)
        .containsExactly("openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-sonnet-4-5");
    assertThat(result.document().proxyExtras().dialect()).isEqualTo(ProxyDialect.PLANO_V0_4);
    assertThat(result.document().proxyExtras().providersKey()).isEqualTo("model_providers");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void route_order_lists_routes_as_the_config_does_and_a_regrouping_is_reported() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "interleaved.yaml",
            """
            version: v0.4.0
            model_providers:
              - model: openai/gpt-4o
                default: true
              - model: openai/gpt-4o-mini
            routing_preferences:
              - {name: a, description: first, models: [openai/gpt-4o]}
              - {name: b, description: second, models: [openai/gpt-4o-mini]}
              - {name: c, description: third, models: [openai/gpt-4o]}
            """);

    assertThat(result.routeOrder()).containsExactly("a", "b", "c");
    assertThat(result.document().taxonomy().routeNames()).containsExactly("a", "b", "c");
    assertThat(RouteOrder.routeNames(result.document())).containsExactly("a", "c", "b");
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("the workspace lists routes grouped by target model");
  }

  @Test
  void a_config_without_routes_takes_its_dialect_from_the_version() {
    String providers =
        """
        model_providers:
          - model: openai/gpt-4o
            default: true
        """;

    assertThat(dialectOf("version: v0.4.0\n" + providers)).isEqualTo(ProxyDialect.PLANO_V0_4);
    assertThat(dialectOf("version: v0.3.0\n" + providers)).isEqualTo(ProxyDialect.ARCHGW_V0_3);
    assertThat(dialectOf(providers)).isEqualTo(ProxyDialect.ARCHGW_V0_3);
  }

  @Test
  void inline_routes_are_the_archgw_shape_whatever_the_version_says() {
    String config =
        """
        version: v0.4.0
        model_providers:
          - model: openai/gpt-4o
            default: true
            routing_preferences:
              - name: coding
                description: programming help
        """;

    assertThat(dialectOf(config)).isEqualTo(ProxyDialect.ARCHGW_V0_3);
  }

  @Test
  void a_config_without_a_default_provider_imports_with_a_warning() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "nodefault.yaml",
            """
            model_providers:
              - model: openai/gpt-4o
                routing_preferences:
                  - {name: coding, description: programming help}
            """);

    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith("nodefault.yaml: no provider is marked default: true");
  }

  @Test
  void routing_llm_provider_is_read_as_the_router_reference_with_a_warning_about_archgw() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "trap.yaml",
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
              - name: local-router
                model: arch/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M
                base_url: http://localhost:11434
            routing:
              llm_provider: local-router
            """);

    assertThat(result.document().selfHostedRouter().providerName()).isEqualTo("local-router");
    assertThat(result.document().targets()).hasSize(1);
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("routing.llm_provider is ignored by archgw");
  }

  @Test
  void a_routing_block_naming_no_declared_provider_leaves_the_built_in_router() {
    PolicyDocument document =
        ProxyConfigImporter.importConfig(
                "builtin.yaml",
                """
                model_providers:
                  - model: openai/gpt-4o
                    default: true
                routing:
                  model: Arch-Router
                  model_provider: arch-router
                """)
            .document();

    assertThat(document.selfHostedRouter()).isNull();
    assertThat(Yaml.objectFromJson(document.proxyExtras().topLevelJson()).get("routing"))
        .hasToString("{\"model\":\"Arch-Router\",\"model_provider\":\"arch-router\"}");
  }

  @Test
  void comments_in_the_config_are_reported_as_lost_on_export() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "commented.yaml",
            """
            # production gateway
            model_providers:
              - model: openai/gpt-4o
                default: true # the fallback for everything
            """);

    assertThat(result.warnings())
        .containsExactly(
            "commented.yaml: the config's comments are not kept; an export writes the config"
                + " without them");
  }

  @Test
  void importing_a_file_uses_its_name_for_messages_and_the_document(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("prod.yaml");
    Files.writeString(file, Fixtures.text(Fixtures.PLANO));

    assertThat(ProxyConfigImporter.importConfig(file).document().name()).isEqualTo("prod");
  }

  // ---- errors -------------------------------------------------------------------------------

  @Test
  void a_yaml_syntax_error_names_its_line_and_column() {
    ConfigFormatException error =
        importError(
            """
            version: v0.3.0
            model_providers:
              - model: openai/gpt-4o
                access_key: [unclosed
            """);

    assertThat(error.line()).isEqualTo(5);
    assertThat(error.column()).isEqualTo(1);
    assertThat(error.getMessage()).startsWith("bad.yaml:5:1: invalid YAML: ");
  }

  @Test
  void a_description_of_the_wrong_type_is_reported_at_its_key_path_and_position() {
    ConfigFormatException error =
        importError(
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
              - model: openai/gpt-4o-mini
                routing_preferences:
                  - name: coding
                    description: 42
            """);

    assertThat(error.problems())
        .containsExactly(
            new ConfigFormatException.Problem(
                7,
                22,
                "model_providers[1].routing_preferences[0].description",
                "must be a string, found the number 42"));
    assertThat(error.getMessage())
        .isEqualTo(
            "bad.yaml:7:22: model_providers[1].routing_preferences[0].description: must be a"
                + " string, found the number 42");
  }

  @Test
  void duplicate_route_names_are_reported_with_both_paths() {
    ConfigFormatException error =
        importError(
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
                routing_preferences:
                  - {name: coding, description: programming help}
              - model: anthropic/claude-sonnet-4-5
                routing_preferences:
                  - {name: coding, description: writing code}
            """);

    assertThat(error.keyPath()).isEqualTo("model_providers[1].routing_preferences[0].name");
    assertThat(error.line()).isEqualTo(8);
    assertThat(error.getMessage())
        .contains(
            "route name \"coding\" is also used by model_providers[0].routing_preferences[0]");
  }

  @Test
  void routes_in_both_shapes_are_rejected_as_an_unknown_dialect_shape() {
    ConfigFormatException error =
        importError(
            """
            version: v0.4.0
            model_providers:
              - model: openai/gpt-4o
                default: true
                routing_preferences:
                  - {name: coding, description: programming help}
            routing_preferences:
              - {name: chat, description: small talk, models: [openai/gpt-4o]}
            """);

    assertThat(error.keyPath()).isEqualTo("model_providers[0].routing_preferences");
    assertThat(error.line()).isEqualTo(6);
    assertThat(error.getMessage())
        .contains("both at the top level (plano v0.4.0) and inside providers");
  }

  @Test
  void plano_route_keys_inside_a_provider_are_explained_as_the_wrong_dialect() {
    ConfigFormatException error =
        importError(
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
                routing_preferences:
                  - name: coding
                    description: programming help
                    models: [openai/gpt-4o]
            """);

    assertThat(error.keyPath()).isEqualTo("model_providers[0].routing_preferences[0].models");
    assertThat(error.getMessage()).contains("belongs to plano v0.4.0 routes");
  }

  @Test
  void a_provider_without_a_model_is_reported() {
    ConfigFormatException error =
        importError(
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
              - name: claude
                access_key: $ANTHROPIC_API_KEY
            """);

    assertThat(error.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.keyPath()).isEqualTo("model_providers[1].model");
              assertThat(problem.message()).isEqualTo("is required");
              assertThat(problem.line()).isEqualTo(4);
            });
  }

  @Test
  void an_unknown_selection_preference_is_reported_with_the_allowed_ones() {
    ConfigFormatException error =
        importError(
            """
            version: v0.4.0
            model_providers:
              - model: openai/gpt-4o
                default: true
            routing_preferences:
              - name: coding
                description: programming help
                models: [openai/gpt-4o]
                selection_policy:
                  prefer: cheapest-first
            """);

    assertThat(error.keyPath()).isEqualTo("routing_preferences[0].selection_policy.prefer");
    assertThat(error.line()).isEqualTo(10);
    assertThat(error.getMessage())
        .endsWith("must be cheapest, fastest or none, not \"cheapest-first\"");
  }

  @Test
  void a_plano_route_needs_models_of_declared_providers() {
    ConfigFormatException error =
        importError(
            """
            version: v0.4.0
            model_providers:
              - model: openai/gpt-4o
                default: true
            routing_preferences:
              - {name: coding, description: programming help, models: [openai/gpt-5]}
              - {name: chat, description: small talk, models: []}
              - {name: math, description: arithmetic}
            """);

    assertThat(error.problems())
        .extracting(ConfigFormatException.Problem::keyPath, ConfigFormatException.Problem::message)
        .containsExactly(
            tuple(
                "routing_preferences[0].models[0]",
                "\"openai/gpt-5\" is not the model of any declared provider"),
            tuple(
                "routing_preferences[1].models",
                "needs at least one model (the first is preferred)"),
            tuple(
                "routing_preferences[2].models",
                "is required: the models this route may use, preferred first"));
  }

  @Test
  void a_file_without_providers_is_not_a_proxy_config() {
    ConfigFormatException error = importError("listeners:\n  - {type: model, name: m, port: 1}\n");

    assertThat(error.getMessage()).contains("needs model_providers (or the legacy llm_providers)");
  }

  @Test
  void the_router_provider_cannot_carry_routes() {
    ConfigFormatException error =
        importError(
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
              - name: arch-router
                model: arch/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M
                routing_preferences:
                  - {name: coding, description: programming help}
            routing:
              model_provider: arch-router
            """);

    assertThat(error.keyPath()).isEqualTo("model_providers[1].routing_preferences");
    assertThat(error.getMessage()).contains("serves the proxy's own router model");
  }

  @Test
  void every_problem_in_a_file_is_reported_at_once() {
    ConfigFormatException error =
        importError(
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
              - model: openai/gpt-4o
                default: yes please
              - name: 7
            """);

    assertThat(error.problems())
        .extracting(ConfigFormatException.Problem::keyPath)
        .containsExactly(
            "model_providers[1].model",
            "model_providers[1].default",
            "model_providers[2].model",
            "model_providers[2].name");
  }

  @Test
  void a_key_written_twice_is_reported_where_it_repeats() {
    ConfigFormatException error =
        importError(
            """
            model_providers:
              - model: openai/gpt-4o
                default: true
                model: openai/gpt-4o-mini
            """);

    assertThat(error.keyPath()).isEqualTo("model_providers[0].model");
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.column()).isEqualTo(5);
  }

  @Test
  void an_empty_file_is_reported_as_not_a_mapping() {
    assertThatThrownBy(() -> ProxyConfigImporter.importConfig("empty.yaml", ""))
        .isInstanceOf(ConfigFormatException.class)
        .hasMessage("empty.yaml: expected a mapping (key: value lines), found nothing");
  }

  private static ProxyImportResult importFixture(String name) {
    return ProxyConfigImporter.importConfig(name, Fixtures.text(name));
  }

  private static ProxyDialect dialectOf(String config) {
    return ProxyConfigImporter.importConfig("c.yaml", config).document().proxyExtras().dialect();
  }

  private static ConfigFormatException importError(String config) {
    ConfigFormatException error =
        catchThrowableOfType(
            ConfigFormatException.class,
            () -> ProxyConfigImporter.importConfig("bad.yaml", config));
    assertThat(error).as("import of a broken config must fail").isNotNull();
    return error;
  }
}
