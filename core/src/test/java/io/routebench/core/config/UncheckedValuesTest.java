package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values the proxies refuse (or silently misread) are errors with their line and column, never
 * imported and exported as they are (issue 16).
 */
class UncheckedValuesTest {

  @TempDir Path dir;

  private static final String PROVIDERS =
      """
      model_providers:
        - model: openai/gpt-4o
          default: true
          routing_preferences:
            - name: code
              description: writing code
      """;

  @Test
  void a_port_that_is_not_a_tcp_port_is_an_error_at_its_line() {
    for (String port : new String[] {"not-a-port", "123456789012345678901234567890123", "0"}) {
      String yaml =
          "version: v0.3.0\nlisteners:\n  egress_traffic:\n    port: " + port + "\n" + PROVIDERS;

      var e = refused("ports.yaml", yaml);

      assertThat(e.getMessage())
          .as(port)
          .contains("ports.yaml:4:")
          .contains("listeners.egress_traffic.port: must be a port number from 1 to 65535");
    }
  }

  @Test
  void a_port_in_the_list_form_of_listeners_is_checked_too() {
    String yaml =
        """
        version: v0.4.0
        listeners:
          - type: model
            name: egress
            port: 70000
        """
            + PROVIDERS;

    assertThat(refused("list.yaml", yaml).getMessage())
        .contains(
            "listeners[0].port: must be a port number from 1 to 65535, found the number 70000");
  }

  @Test
  void a_version_the_proxies_do_not_know_is_an_error_naming_those_they_do() {
    var e = refused("future.yaml", "version: v9.9.9\n" + PROVIDERS);

    assertThat(e.getMessage())
        .contains("future.yaml:1:")
        .contains(
            "\"v9.9.9\" is not a config version the proxies know; use one of v0.1, v0.1.0,"
                + " 0.1-beta, 0.2.0, v0.3.0, v0.4.0");
  }

  @Test
  void a_misspelt_routing_preferences_says_what_was_meant_instead_of_dropping_the_routes() {
    String yaml =
        """
        version: v0.3.0
        model_providers:
          - model: openai/gpt-4o
            default: true
            routing_preferences:
              - name: code
                description: writing code
          - model: anthropic/claude-sonnet-4-5
            routing_preference:
              - name: prose
                description: writing prose
        """;

    assertThat(refused("typo.yaml", yaml).getMessage())
        .contains("typo.yaml:9:5: model_providers[1].routing_preference:")
        .contains("unknown key \"routing_preference\"; did you mean `routing_preferences`?");
  }

  @Test
  void a_misspelt_providers_key_says_what_was_meant() {
    String yaml =
        """
        version: v0.3.0
        model_provider:
          - model: openai/gpt-4o
        """;

    var e =
        catchThrowableOfType(
            ConfigFormatException.class, () -> ConfigFiles.readPolicies("top.yaml", yaml));

    assertThat(e.getMessage()).contains("top.yaml:2:1").contains("did you mean `model_providers`?");
  }

  @Test
  void archgws_own_name_for_state_storage_is_known_so_its_misspelling_is_caught() {
    String yaml =
        """
        version: v0.3.0
        state_storage_v1_response:
          type: memory
        model_providers:
          - model: openai/gpt-4o
        """;

    var e =
        catchThrowableOfType(
            ConfigFormatException.class, () -> ConfigFiles.readPolicies("top.yaml", yaml));

    assertThat(e.getMessage())
        .contains("top.yaml:2:1")
        .contains("did you mean `state_storage_v1_responses`?");
  }

  @Test
  void keys_the_proxies_added_later_are_kept_not_taken_for_typos() {
    String yaml =
        """
        version: v0.3.0
        prompt_caching: {}
        model_providers:
          - model: openai/gpt-4o
            default: true
            passthrough_auth: true
            extra_header_for_my_gateway: x
            routing_preferences:
              - name: code
                description: writing code
        """;

    ProxyImportResult imported = ProxyConfigImporter.importConfig("new.yaml", yaml);

    assertThat(imported.document().targets().get(0).extrasJson())
        .contains("passthrough_auth")
        .contains("extra_header_for_my_gateway");
  }

  @Test
  void a_second_byte_order_mark_is_an_error_instead_of_a_second_version_key() throws Exception {
    Path file = dir.resolve("boms.yaml");
    Files.write(
        file, ("\uFEFF\uFEFFversion: v0.3.0\n" + PROVIDERS).getBytes(StandardCharsets.UTF_8));

    var e = catchThrowableOfType(ConfigFormatException.class, () -> ConfigText.read(file));

    assertThat(e.getMessage())
        .startsWith("boms.yaml:1:2: ")
        .contains("an invisible byte-order mark (U+FEFF) is here");
  }

  @Test
  void one_byte_order_mark_at_the_start_is_fine() throws Exception {
    Path file = dir.resolve("bom.yaml");
    Files.write(file, ("\uFEFFversion: v0.3.0\n" + PROVIDERS).getBytes(StandardCharsets.UTF_8));

    ImportedPolicies read = ConfigFiles.readPolicies("bom.yaml", ConfigText.read(file));

    assertThat(read.document().proxyExtras().version()).isEqualTo("v0.3.0");
  }

  private static ConfigFormatException refused(String name, String yaml) {
    return catchThrowableOfType(
        ConfigFormatException.class, () -> ProxyConfigImporter.importConfig(name, yaml));
  }
}
