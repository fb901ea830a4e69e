package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTest {

  private static final ObjectMapper PLAIN_YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "n",
        "true",
        "null",
        "~",
        "",
        "123",
        "-1",
        "+1",
        "012",
        "0x1F",
        "0b101",
        "1_000",
        "12:30",
        "0.5",
        ".5",
        "1e3",
        "1.5E-3",
        ".inf",
        "-.Inf",
        ".NaN",
        "2024-01-01",
        "2024-01-01T10:00:00Z",
        "=",
        "<<",
        "x\u0085y",
        "a\u2028b"
      })
  void strings_a_loader_would_read_as_another_type_are_quoted(String text) throws Exception {
    String yaml = Yaml.write(tree("value", text));

    assertThat(yaml).as(yaml).doesNotStartWith("value: " + text + "\n");
    JsonNode back = PLAIN_YAML.readTree(yaml).get("value");
    assertThat(back.isTextual()).as(yaml).isTrue();
    assertThat(back.asText()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$OPENAI_API_KEY",
        "v0.3.0",
        "openai/gpt-4o",
        "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M",
        "http://localhost:11434",
        "0.0.0.0",
        "30s",
        "understand, explain, or fix code",
        "code generation"
      })
  void ordinary_strings_stay_unquoted(String text) {
    assertThat(Yaml.write(tree("value", text))).isEqualTo("value: " + text + "\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a: b", "#c", "- item", "[x]", "*star", "&amp", "!tag", " padded ", "'q", "%x"})
  void strings_with_yaml_syntax_come_back_unchanged(String text) throws Exception {
    String yaml = Yaml.write(tree("value", text));

    assertThat(PLAIN_YAML.readTree(yaml).get("value").asText()).as(yaml).isEqualTo(text);
  }

  @Test
  void keys_that_look_like_booleans_are_quoted_too() throws Exception {
    String yaml = Yaml.write(tree("on", "x"));

    assertThat(yaml).isEqualTo("\"on\": x\n");
  }

  @Test
  void multi_line_text_is_a_literal_block_and_long_lines_are_not_folded() {
    String longLine = String.join(" ", Collections.nCopies(30, "word"));
    ObjectNode tree = tree("multi", "first line\nsecond line");
    tree.put("long", longLine);

    assertThat(Yaml.write(tree))
        .isEqualTo("multi: |-\n  first line\n  second line\nlong: " + longLine + "\n");
  }

  @Test
  void lists_are_indented_under_their_key_without_a_document_marker() {
    ObjectNode tree = Yaml.JSON.createObjectNode();
    List.of("a", "b").forEach(tree.putArray("items")::add);

    assertThat(Yaml.write(tree)).isEqualTo("items:\n  - a\n  - b\n");
  }

  private static ObjectNode tree(String key, String value) {
    ObjectNode tree = Yaml.JSON.createObjectNode();
    tree.put(key, value);
    return tree;
  }
}
