package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ProxyConfigRulesTest {

  private static final ObjectMapper PLAIN_YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void both_fixtures_pass_the_proxy_rules() {
    assertThat(ProxyConfigRules.check(Fixtures.ARCHGW, Fixtures.text(Fixtures.ARCHGW))).isEmpty();
    assertThat(ProxyConfigRules.check(Fixtures.PLANO, Fixtures.text(Fixtures.PLANO))).isEmpty();
  }

  @Test
  void route_names_must_be_unique_across_all_providers() {
    assertThat(
            problems(
                """
                model_providers:
                  - model: openai/gpt-4o
                    routing_preferences:
                      - {name: coding, description: programming help}
                  - model: openai/gpt-4o-mini
                    routing_preferences:
                      - {name: coding, description: small programming questions}
                """))
        .containsExactly(
            tuple(
                "model_providers[1].routing_preferences[0].name",
                "route name \"coding\" is also used by model_providers[0].routing_preferences[0];"
                    + " the proxy rejects duplicates"));
  }

  @Test
  void provider_names_and_models_must_be_unique() {
    assertThat(
            problems(
                """
                model_providers:
                  - {name: main, model: openai/gpt-4o}
                  - {name: main, model: openai/gpt-4o-mini}
                  - {name: other, model: openai/gpt-4o}
                """))
        .containsExactly(
            tuple(
                "model_providers[1].name",
                "provider name \"main\" is also used by model_providers[0]"),
            tuple(
                "model_providers[2].model",
                "model \"openai/gpt-4o\" is also declared by model_providers[0]; use it once"));
  }

  @Test
  void inline_routes_hold_only_a_string_name_and_description() {
    assertThat(
            problems(
                """
                model_providers:
                  - model: openai/gpt-4o
                    routing_preferences:
                      - {name: coding, description: programming help, weight: 2}
                      - {name: [coding], description: true}
                      - name: no description
                """))
        .containsExactly(
            tuple(
                "model_providers[0].routing_preferences[0].weight",
                "unknown key; a route has only name, description"),
            tuple(
                "model_providers[0].routing_preferences[1].name", "must be a string, found a list"),
            tuple(
                "model_providers[0].routing_preferences[1].description",
                "must be a string, found the boolean true"),
            tuple("model_providers[0].routing_preferences[2].description", "is required"));
  }

  @Test
  void routebench_also_requires_a_non_empty_description() {
    assertThat(
            problems(
                """
                model_providers:
                  - model: openai/gpt-4o
                    routing_preferences:
                      - {name: coding, description: "  "}
                """))
        .containsExactly(
            tuple(
                "model_providers[0].routing_preferences[0].description",
                "is empty; the router chooses routes by their descriptions"));
  }

  @Test
  void at_most_one_provider_is_the_default() {
    assertThat(
            problems(
                """
                llm_providers:
                  - {model: openai/gpt-4o, default: true}
                  - {model: openai/gpt-4o-mini, default: true}
                """))
        .containsExactly(
            tuple("llm_providers", "2 providers are marked default: true; at most one may be"));
  }

  @Test
  void the_two_provider_keys_cannot_be_mixed() {
    assertThat(
            problems(
                """
                model_providers:
                  - model: openai/gpt-4o
                llm_providers:
                  - model: openai/gpt-4o-mini
                """))
        .containsExactly(
            tuple(
                "llm_providers",
                "use either model_providers or the legacy llm_providers, not both"));
  }

  @Test
  void plano_routes_have_the_v0_4_0_shape() {
    assertThat(
            problems(
                """
                version: v0.4.0
                model_providers:
                  - model: openai/gpt-4o
                routing_preferences:
                  - name: coding
                    description: programming help
                    models: openai/gpt-4o
                  - name: chat
                    description: small talk
                    models: [openai/gpt-4o]
                    selection_policy: {prefer: none, budget: 3}
                  - name: math
                    description: arithmetic
                    models: [openai/gpt-4o]
                    selection_policy: fastest
                  - name: poems
                    description: verse
                    models: [openai/gpt-4o]
                    selection_policy: {}
                """))
        .containsExactly(
            tuple("routing_preferences[0].models", "expected a list, found \"openai/gpt-4o\""),
            tuple(
                "routing_preferences[1].selection_policy.budget",
                "unknown key; allowed here: prefer"),
            tuple(
                "routing_preferences[2].selection_policy",
                "expected a mapping (key: value lines), found \"fastest\""),
            tuple("routing_preferences[3].selection_policy.prefer", "is required"));
  }

  @Test
  void checking_text_gives_each_problem_its_line_and_column() {
    List<ConfigFormatException.Problem> problems =
        ProxyConfigRules.check(
            "c.yaml",
            """
            model_providers:
              - model: openai/gpt-4o
                default: "true"
            """);

    assertThat(problems)
        .containsExactly(
            new ConfigFormatException.Problem(
                3, 14, "model_providers[0].default", "must be true or false, found \"true\""));
  }

  @Test
  void checking_text_that_is_not_yaml_throws_with_the_position() {
    assertThatThrownBy(() -> ProxyConfigRules.check("c.yaml", "model_providers: [\n"))
        .isInstanceOf(ConfigFormatException.class)
        .hasMessageStartingWith("c.yaml:2:1: invalid YAML");
  }

  @Test
  void a_config_that_is_not_a_mapping_is_one_problem() throws Exception {
    assertThat(ProxyConfigRules.check(PLAIN_YAML.readTree("- just\n- a list\n")))
        .extracting(ConfigFormatException.Problem::message)
        .containsExactly("expected a mapping (key: value lines), found a list");
  }

  private static List<Tuple> problems(String yaml) {
    try {
      return ProxyConfigRules.check(PLAIN_YAML.readTree(yaml)).stream()
          .map(p -> tuple(p.keyPath(), p.message()))
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
