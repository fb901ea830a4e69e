package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigFilesTest {

  @Test
  void a_policy_document_is_recognised_by_its_format_version() {
    assertThat(ConfigFiles.detectKind("a.yaml", Fixtures.text(Fixtures.POLICY_DOCUMENT)))
        .isEqualTo(ConfigFiles.Kind.POLICY_DOCUMENT);
  }

  @Test
  void proxy_configs_of_both_dialects_are_recognised() {
    assertThat(ConfigFiles.detectKind("a.yaml", Fixtures.text(Fixtures.ARCHGW)))
        .isEqualTo(ConfigFiles.Kind.PROXY_CONFIG);
    assertThat(ConfigFiles.detectKind("p.yaml", Fixtures.text(Fixtures.PLANO)))
        .isEqualTo(ConfigFiles.Kind.PROXY_CONFIG);
  }

  @Test
  void other_yaml_is_rejected_with_what_each_kind_needs() {
    assertThatThrownBy(() -> ConfigFiles.detectKind("compose.yaml", "services:\n  web: {}\n"))
        .isInstanceOf(ConfigFormatException.class)
        .hasMessage(
            "compose.yaml: neither a RouteBench policy document (it has no 'routebench:' key) nor"
                + " a proxy config (no model_providers, llm_providers or routing_preferences)");
  }

  @Test
  void a_yaml_list_is_neither_kind() {
    assertThatThrownBy(() -> ConfigFiles.detectKind("list.yaml", "- a\n- b\n"))
        .isInstanceOf(ConfigFormatException.class)
        .hasMessageStartingWith(
            "list.yaml: expected a mapping of top-level keys, found a list; neither a RouteBench");
  }

  @Test
  void text_that_is_not_yaml_is_rejected_with_its_position() {
    assertThatThrownBy(() -> ConfigFiles.detectKind("x.yaml", "a: [1, 2\n"))
        .isInstanceOf(ConfigFormatException.class)
        .hasMessageStartingWith("x.yaml:2:1: invalid YAML");
  }

  @Test
  void reading_a_policy_document_keeps_its_taxonomy_order_and_has_no_warnings() {
    ImportedPolicies read =
        ConfigFiles.readPolicies("a.yaml", Fixtures.text(Fixtures.POLICY_DOCUMENT));

    assertThat(read.kind()).isEqualTo(ConfigFiles.Kind.POLICY_DOCUMENT);
    assertThat(read.routeOrder()).isEqualTo(read.document().taxonomy().routeNames());
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void reading_a_proxy_config_gives_the_import_with_its_route_order() {
    String text = Fixtures.text(Fixtures.PLANO);
    ImportedPolicies read = ConfigFiles.readPolicies("p.yaml", text);
    ProxyImportResult direct = ProxyConfigImporter.importConfig("p.yaml", text);

    assertThat(read.kind()).isEqualTo(ConfigFiles.Kind.PROXY_CONFIG);
    assertThat(read.routeOrder()).isEqualTo(direct.routeOrder());
    assertThat(read.warnings()).isEqualTo(direct.warnings());
    assertThat(Fixtures.withPositionalIds(read.document()))
        .isEqualTo(Fixtures.withPositionalIds(direct.document()));
  }
}
