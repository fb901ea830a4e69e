package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LocatedYamlTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aliases_and_merge_keys_expand_like_the_proxies_yaml_loaders_do() throws Exception {
    LocatedYaml yaml =
        LocatedYaml.parse(
            "anchors.yaml",
            """
            base: &openai
              access_key: $OPENAI_API_KEY
              default: false
            model_providers:
              - <<: *openai
                model: openai/gpt-4o
                default: true
              - model: openai/gpt-4o-mini
                key_again: *openai
            """);

    assertThat(yaml.root().get("model_providers"))
        .isEqualTo(
            JSON.readTree(
                """
                [{"access_key": "$OPENAI_API_KEY", "default": true, "model": "openai/gpt-4o"},
                 {"model": "openai/gpt-4o-mini",
                  "key_again": {"access_key": "$OPENAI_API_KEY", "default": false}}]
                """));
  }

  @Test
  void an_alias_to_no_anchor_is_an_error_at_the_alias() {
    ConfigFormatException error = parseError("a: 1\nb: *missing\n");

    assertThat(error.getMessage())
        .isEqualTo("x.yaml:2:4: b: the alias *missing names no earlier anchor");
  }

  @Test
  void a_repeated_key_is_an_error_at_its_second_occurrence() {
    ConfigFormatException error =
        parseError("tracing:\n  random_sampling: 1\n  random_sampling: 2\n");

    assertThat(error.getMessage())
        .isEqualTo("x.yaml:3:3: tracing.random_sampling: the key appears twice");
  }

  @Test
  void a_second_document_is_an_error() {
    ConfigFormatException error = parseError("a: 1\n---\nb: 2\n");

    assertThat(error.line()).isEqualTo(3);
    assertThat(error.getMessage()).contains("only one YAML document is allowed");
  }

  @Test
  void tabs_used_for_indentation_are_reported_where_they_are() {
    ConfigFormatException error = parseError("a: 1\n\tb: 2\n");

    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(1);
  }

  @Test
  void numbers_keep_their_size() throws Exception {
    LocatedYaml yaml =
        LocatedYaml.parse("n.yaml", "small: 7\nbig: 12345678901234567890\nratio: 0.5\n");

    assertThat(Yaml.json(yaml.root()))
        .isEqualTo("{\"small\":7,\"big\":12345678901234567890,\"ratio\":0.5}");
  }

  @Test
  void a_problem_deep_in_a_merged_mapping_falls_back_to_its_nearest_located_parent() {
    LocatedYaml yaml = LocatedYaml.parse("m.yaml", "base: &b {x: 1}\nuse:\n  <<: *b\n");

    assertThat(yaml.problem("use.x", "bad").line()).isEqualTo(3);
  }

  @Test
  void comments_are_noticed_but_blank_lines_are_not() {
    assertThat(LocatedYaml.hasComments("a: 1\n\nb: 2\n")).isFalse();
    assertThat(LocatedYaml.hasComments("a: 1 # why\n")).isTrue();
    assertThat(LocatedYaml.hasComments("# header\na: 1\n")).isTrue();
  }

  private static ConfigFormatException parseError(String text) {
    ConfigFormatException error =
        catchThrowableOfType(ConfigFormatException.class, () -> LocatedYaml.parse("x.yaml", text));
    assertThat(error).as("parsing must fail").isNotNull();
    return error;
  }
}
