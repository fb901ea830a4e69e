package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProxyConfigExporterTest {

  private static final ObjectMapper PLAIN_YAML = new ObjectMapper(new YAMLFactory());
  private static final ProxyExportOptions ARCHGW = ProxyExportOptions.of(ProxyDialect.ARCHGW_V0_3);
  private static final ProxyExportOptions PLANO = ProxyExportOptions.of(ProxyDialect.PLANO_V0_4);

  @Test
  void archgw_config_survives_import_and_export_key_for_key() throws Exception {
    String original = Fixtures.text(Fixtures.ARCHGW);
    ProxyImportResult imported = ProxyConfigImporter.importConfig(Fixtures.ARCHGW, original);

    ProxyExport export = ProxyConfigExporter.export(imported.document(), ARCHGW);

    assertThat(export.warnings()).isEmpty();
    assertThat(parse(export.yaml())).isEqualTo(parse(original));
    assertThat(topLevelKeys(export.yaml())).isEqualTo(topLevelKeys(original));
    PolicyDocument reimported =
        ProxyConfigImporter.importConfig(Fixtures.ARCHGW, export.yaml()).document();
    assertThat(Fixtures.withPositionalIds(reimported))
        .isEqualTo(Fixtures.withPositionalIds(imported.document()));
  }

  @Test
  void plano_config_survives_import_and_export_key_for_key() throws Exception {
    String original = Fixtures.text(Fixtures.PLANO);
    ProxyImportResult imported = ProxyConfigImporter.importConfig(Fixtures.PLANO, original);

    ProxyExport export = ProxyConfigExporter.export(imported.document(), PLANO);

    assertThat(export.warnings()).isEmpty();
    assertThat(parse(export.yaml())).isEqualTo(parse(original));
    assertThat(topLevelKeys(export.yaml())).isEqualTo(topLevelKeys(original));
    PolicyDocument reimported =
        ProxyConfigImporter.importConfig(Fixtures.PLANO, export.yaml()).document();
    assertThat(Fixtures.withPositionalIds(reimported))
        .isEqualTo(Fixtures.withPositionalIds(imported.document()));
  }

  /** A new dialect joins this test by being a constant: export, import back, same shape. */
  @ParameterizedTest
  @EnumSource(ProxyDialect.class)
  void every_dialect_reads_back_its_own_export_with_its_own_prompt_profile(ProxyDialect dialect) {
    PolicyDocument document = importFixture(Fixtures.PLANO);

    ProxyExport export = ProxyConfigExporter.export(document, ProxyExportOptions.of(dialect));
    ProxyImportResult reimported = ProxyConfigImporter.importConfig("config.yaml", export.yaml());

    assertThat(reimported.document().proxyExtras().dialect()).isEqualTo(dialect);
    assertThat(reimported.document().profile()).isEqualTo(dialect.promptProfile());
    assertThat(export.yaml()).startsWith("version: " + dialect.configVersion() + "\n");
    assertThat(reimported.routeOrder()).isEqualTo(RouteOrder.routeNames(document));
  }

  @Test
  void exported_yaml_has_no_document_marker_and_quotes_only_where_needed() {
    PolicyDocument document = importFixture(Fixtures.ARCHGW);

    String yaml = ProxyConfigExporter.export(document, ARCHGW).yaml();

    assertThat(yaml).startsWith("version: v0.3.0\n");
    assertThat(yaml).contains("access_key: $OPENAI_API_KEY\n");
    assertThat(yaml).contains("name: \"yes\"\n");
    assertThat(yaml).contains("default: \"7\"\n");
  }

  @Test
  void archgw_config_exported_for_plano_passes_plano_rules_and_keeps_every_route()
      throws Exception {
    PolicyDocument document = importFixture(Fixtures.ARCHGW);

    ProxyExport export = ProxyConfigExporter.export(document, PLANO);

    assertThat(ProxyConfigRules.check("plano.yaml", export.yaml())).isEmpty();
    assertThat(export.warnings()).isEmpty();
    JsonNode config = parse(export.yaml());
    assertThat(config.get("version").asText()).isEqualTo("v0.4.0");
    assertThat(config.has("llm_providers")).isFalse();
    assertThat(config.get("model_providers")).hasSize(4);
    assertThat(config.at("/model_providers/1/model").asText())
        .isEqualTo("plano/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M");
    assertThat(config.at("/overrides/llm_routing_model").asText())
        .isEqualTo("plano/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M");
    assertThat(config.has("routing")).as("archgw's router block has no place in plano").isFalse();
    PolicyDocument reimported =
        ProxyConfigImporter.importConfig("plano.yaml", export.yaml()).document();
    assertThat(reimported.taxonomy().policies())
        .extracting(
            RoutingPolicy::routeName, RoutingPolicy::description, RoutingPolicy::targetModel)
        .isEqualTo(
            document.taxonomy().policies().stream()
                .map(p -> tuple(p.routeName(), p.description(), p.targetModel()))
                .toList());
    assertThat(reimported.selfHostedRouter()).isEqualTo(document.selfHostedRouter());
  }

  @Test
  void plano_config_exported_for_archgw_warns_about_what_archgw_cannot_take() throws Exception {
    PolicyDocument document = importFixture(Fixtures.PLANO);

    ProxyExport export = ProxyConfigExporter.export(document, ARCHGW);

    assertThat(ProxyConfigRules.check("archgw.yaml", export.yaml())).isEmpty();
    assertThat(export.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .matches("\\d+ routes have fallbacks or a selection preference, .*")
                    .contains("\"complex_reasoning\""))
        .anySatisfy(
            w -> assertThat(w).contains("\"filters\"").contains("archgw v0.3.0 does not accept"))
        .anySatisfy(w -> assertThat(w).contains("\"model_metrics_sources\""))
        .anySatisfy(w -> assertThat(w).contains("key \"passthrough_auth\""));
    JsonNode config = parse(export.yaml());
    assertThat(config.get("version").asText()).isEqualTo("v0.3.0");
    assertThat(config.at("/model_providers/0/name").asText()).isEqualTo("arch-router");
    assertThat(config.at("/model_providers/0/model").asText())
        .isEqualTo("arch/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M");
    assertThat(config.get("routing"))
        .isEqualTo(
            parse("{session_ttl_seconds: 600, model: Arch-Router, model_provider: arch-router}"));
    assertThat(config.get("overrides"))
        .isEqualTo(parse("{orchestrator_model_context_length: 8192}"));
    assertThat(config.at("/model_providers/2/routing_preferences/0/name").asText())
        .isEqualTo("complex_reasoning");
  }

  @Test
  void a_document_never_imported_gets_the_standard_layout_with_a_listener() throws Exception {
    PolicyDocument document = freshDocument();

    String yaml = ProxyConfigExporter.export(document, PLANO).yaml();

    assertThat(topLevelKeys(yaml))
        .containsExactly(
            "version", "listeners", "model_providers", "routing_preferences", "overrides");
    assertThat(parse(yaml))
        .isEqualTo(
            parse(
                """
                version: v0.4.0
                listeners:
                  - {type: model, name: model_listener, port: 12000}
                model_providers:
                  - {name: gpt-4o, model: openai/gpt-4o, access_key: $OPENAI_API_KEY, default: true}
                  - {model: anthropic/claude-sonnet-4-5, access_key: $ANTHROPIC_API_KEY}
                  - name: arch-router
                    model: plano/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M
                    base_url: http://localhost:11434
                routing_preferences:
                  - name: small talk
                    description: Greetings and chit-chat.
                    models: [openai/gpt-4o]
                  - name: coding
                    description: Programming help of any kind.
                    models: [anthropic/claude-sonnet-4-5, openai/gpt-4o]
                    selection_policy: {prefer: fastest}
                overrides:
                  llm_routing_model: plano/hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M
                """));
  }

  @Test
  void archgw_export_nests_routes_under_their_target_and_points_routing_at_the_router()
      throws Exception {
    ProxyExport export = ProxyConfigExporter.export(freshDocument(), ARCHGW);

    assertThat(topLevelKeys(export.yaml()))
        .containsExactly("version", "listeners", "model_providers", "routing");
    JsonNode config = parse(export.yaml());
    assertThat(config.get("listeners"))
        .isEqualTo(
            parse(
                "{egress_traffic: {address: 0.0.0.0, port: 12000, message_format: openai, timeout: 30s}}"));
    assertThat(config.at("/model_providers/1/routing_preferences"))
        .isEqualTo(parse("[{name: coding, description: Programming help of any kind.}]"));
    assertThat(config.at("/model_providers/0/routing_preferences"))
        .isEqualTo(parse("[{name: small talk, description: Greetings and chit-chat.}]"));
    assertThat(config.get("routing"))
        .isEqualTo(parse("{model: Arch-Router, model_provider: arch-router}"));
    assertThat(export.warnings())
        .containsExactly(
            "route \"coding\" (domains[0].actions[0]) has fallbacks or a selection preference,"
                + " which archgw v0.3.0 cannot express; they are left out (export to plano v0.4.0"
                + " to keep them)");
  }

  @Test
  void several_routes_with_plano_only_settings_make_one_warning_naming_them_all() {
    PolicyDocument document = freshDocument();
    Domain chat = document.taxonomy().domains().get(1);
    var withFallback =
        chat.withCoarsePolicy(
            chat.coarsePolicy().withFallbackModels(List.of("anthropic/claude-sonnet-4-5")));
    document =
        document.withTaxonomy(
            new Taxonomy(List.of(document.taxonomy().domains().get(0), withFallback)));

    assertThat(ProxyConfigExporter.export(document, ARCHGW).warnings())
        .containsExactly(
            "2 routes have fallbacks or a selection preference, which archgw v0.3.0 cannot"
                + " express; they are left out (export to plano v0.4.0 to keep them):"
                + " \"small talk\", \"coding\"");
  }

  @Test
  void the_legacy_flag_writes_llm_providers() throws Exception {
    String yaml =
        ProxyConfigExporter.export(
                freshDocument(), new ProxyExportOptions(ProxyDialect.ARCHGW_V0_3, true))
            .yaml();

    assertThat(topLevelKeys(yaml)).contains("llm_providers").doesNotContain("model_providers");
  }

  @Test
  void routes_without_a_declared_target_are_left_out_with_a_warning() throws Exception {
    PolicyDocument document =
        freshDocument()
            .withTaxonomy(
                new Taxonomy(
                    List.of(
                        new Domain(
                            "d",
                            "misc",
                            "",
                            null,
                            List.of(
                                action("unset", null),
                                action("elsewhere", "mistral/ministral-3b"),
                                action("fine", "openai/gpt-4o"))))));

    ProxyExport export = ProxyConfigExporter.export(document, PLANO);

    assertThat(parse(export.yaml()).get("routing_preferences")).hasSize(1);
    assertThat(export.warnings())
        .containsExactly(
            "route \"unset\" (domains[0].actions[0]) has no target model; it is left out of the"
                + " export",
            "route \"elsewhere\" (domains[0].actions[1]) targets \"mistral/ministral-3b\", which is"
                + " not a declared target; it is left out of the export");
  }

  @Test
  void removing_the_router_removes_only_the_reference_to_it() throws Exception {
    PolicyDocument document = importFixture(Fixtures.PLANO).withSelfHostedRouter(null);

    JsonNode config = parse(ProxyConfigExporter.export(document, PLANO).yaml());

    assertThat(config.get("model_providers")).hasSize(3);
    assertThat(config.get("overrides"))
        .isEqualTo(parse("{orchestrator_model_context_length: 8192}"));
  }

  @Test
  void rules_the_document_breaks_come_back_as_warnings() {
    PolicyDocument document =
        freshDocument()
            .withTaxonomy(
                new Taxonomy(
                    List.of(
                        new Domain(
                            "d",
                            "misc",
                            "",
                            null,
                            List.of(
                                new Action(
                                    "a", "same", "one", PolicySettings.targeting("openai/gpt-4o")),
                                new Action(
                                    "b",
                                    "same",
                                    " ",
                                    PolicySettings.targeting("openai/gpt-4o")))))));

    ProxyExport export = ProxyConfigExporter.export(document, ARCHGW);

    assertThat(export.warnings())
        .contains(
            "the exported config breaks a proxy rule: model_providers[0].routing_preferences[1].name:"
                + " route name \"same\" is also used by model_providers[0].routing_preferences[0];"
                + " the proxy rejects duplicates",
            "the exported config breaks a proxy rule:"
                + " model_providers[0].routing_preferences[1].description: is empty; the router"
                + " chooses routes by their descriptions");
  }

  @Test
  void strings_that_look_like_other_types_stay_strings_for_the_proxy() throws Exception {
    List<String> tricky =
        List.of(
            "yes",
            "No",
            "on",
            "null",
            "~",
            "123",
            "0x1F",
            "1_000",
            "12:30",
            ".inf",
            "1e3",
            "2024-01-01",
            "=",
            "$OPENAI_API_KEY",
            "#hash",
            "a: b",
            "- item",
            "",
            " padded ");
    var actions = new ArrayList<Action>();
    for (int i = 0; i < tricky.size(); i++) {
      actions.add(
          new Action(
              "a" + i, "route " + i, tricky.get(i), PolicySettings.targeting("openai/gpt-4o")));
    }
    PolicyDocument document =
        freshDocument()
            .withSelfHostedRouter(null)
            .withTaxonomy(new Taxonomy(List.of(new Domain("d", "misc", "", null, actions))));

    JsonNode routes =
        parse(ProxyConfigExporter.export(document, PLANO).yaml()).get("routing_preferences");

    for (int i = 0; i < tricky.size(); i++) {
      JsonNode description = routes.get(i).get("description");
      assertThat(description.isTextual()).as("description %s", tricky.get(i)).isTrue();
      assertThat(description.asText()).isEqualTo(tricky.get(i));
    }
  }

  private static Action action(String name, String target) {
    return new Action(
        name,
        name,
        "about " + name,
        new PolicySettings(null, target, List.of(), SelectionPreference.NONE));
  }

  /** Two targets, a fine route with a fallback, a coarse domain route, a self-hosted router. */
  private static PolicyDocument freshDocument() {
    var coding =
        new Domain(
            "d1",
            "programming",
            "Writing software.",
            null,
            List.of(
                new Action(
                    "a1",
                    "coding",
                    "Programming help of any kind.",
                    new PolicySettings(
                        null,
                        "anthropic/claude-sonnet-4-5",
                        List.of("openai/gpt-4o"),
                        SelectionPreference.FASTEST))));
    var chat =
        new Domain(
            "d2",
            "chat",
            "Greetings and chit-chat.",
            PolicySettings.targeting("openai/gpt-4o").withRouteNameOverride("small talk"),
            List.of());
    return new PolicyDocument(
        "fresh",
        PromptProfile.PLANO_V1,
        new Taxonomy(List.of(coding, chat)),
        List.of(
            new ModelTarget("openai/gpt-4o", "gpt-4o", null, "$OPENAI_API_KEY", true, null, "{}"),
            ModelTarget.of("anthropic/claude-sonnet-4-5", "$ANTHROPIC_API_KEY", false)),
        new SelfHostedRouter(
            "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M", "http://localhost:11434", "arch-router"),
        ProxyConfigExtras.NONE);
  }

  private static PolicyDocument importFixture(String name) {
    return ProxyConfigImporter.importConfig(name, Fixtures.text(name)).document();
  }

  private static JsonNode parse(String yaml) throws Exception {
    return PLAIN_YAML.readTree(yaml);
  }

  private static List<String> topLevelKeys(String yaml) throws Exception {
    var keys = new ArrayList<String>();
    parse(yaml).fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
