package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.routebench.core.config.ProxyConfigExporter;
import io.routebench.core.config.ProxyConfigImporter;
import io.routebench.core.config.ProxyExportOptions;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The routes a prompt lists come in the order the exported config feeds the proxy. */
class RouteOrderAgreementTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * Taxonomy order is a, c, b (the import groups routes by preferred model); the targets are then
   * reordered so that grouping by target gives b, a, c: different from both orders the user typed.
   */
  private static PolicyDocument interleaved() {
    PolicyDocument imported =
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
                """)
            .document();
    List<ModelTarget> reversed = new ArrayList<>(imported.targets()).reversed();
    return imported.withTargets(reversed);
  }

  @Test
  void archgw_export_lists_routes_in_the_order_of_the_prompt() throws Exception {
    PolicyDocument document = interleaved();

    JsonNode config =
        YAML.readTree(
            ProxyConfigExporter.export(document, ProxyExportOptions.of(ProxyDialect.ARCHGW_V0_3))
                .yaml());
    var exported = new ArrayList<String>();
    for (JsonNode provider : config.get("model_providers")) {
      provider
          .path("routing_preferences")
          .forEach(route -> exported.add(route.get("name").asText()));
    }

    assertThat(exported).containsExactly("b", "a", "c");
    assertThat(promptRouteNames(document, PromptProfile.ARCHGW_V1)).isEqualTo(exported);
  }

  @Test
  void plano_export_lists_routes_in_the_order_of_the_prompt() throws Exception {
    PolicyDocument document = interleaved();

    JsonNode config =
        YAML.readTree(
            ProxyConfigExporter.export(document, ProxyExportOptions.of(ProxyDialect.PLANO_V0_4))
                .yaml());
    var exported = new ArrayList<String>();
    config.get("routing_preferences").forEach(route -> exported.add(route.get("name").asText()));

    assertThat(exported).containsExactly("b", "a", "c");
    assertThat(promptRouteNames(document, PromptProfile.PLANO_V1)).isEqualTo(exported);
  }

  /** The route names in the order the prompt's routes block lists them. */
  private static List<String> promptRouteNames(PolicyDocument document, PromptProfile profile) {
    String prompt =
        RouterPromptBuilder.build(
                new RouteRequest(
                    RouteOption.allOf(document), List.of(Message.user("hello")), profile))
            .text();
    var names = new ArrayList<String>();
    var matcher = Pattern.compile("\\{\"name\": ?\"([^\"]*)\"").matcher(prompt);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
