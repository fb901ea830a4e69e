package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterJsonTest {

  /** serde_json's escapes for the control characters that have a short form. */
  private static final Map<Character, String> SHORT_FORMS =
      Map.of('\b', "\\b", '\t', "\\t", '\n', "\\n", '\f', "\\f", '\r', "\\r");

  @Test
  void quotes_and_backslashes_are_escaped() {
    assertThat(RouterJson.string("say \"hi\" to C:\\tmp"))
        .isEqualTo("\"say \\\"hi\\\" to C:\\\\tmp\"");
  }

  @Test
  void every_control_character_uses_the_short_form_or_lower_case_hex() {
    for (char c = 0; c < 0x20; c++) {
      String expected = SHORT_FORMS.getOrDefault(c, String.format("\\u%04x", (int) c));
      assertThat(RouterJson.string(String.valueOf(c))).isEqualTo("\"" + expected + "\"");
    }
    assertThat(RouterJson.string("\u001f")).isEqualTo("\"\\u001f\"");
    assertThat(RouterJson.string("\u000b")).isEqualTo("\"\\u000b\"");
  }

  @Test
  void slash_delete_and_non_ascii_are_written_as_they_are() {
    assertThat(RouterJson.string("a/b \u007f é 中 😀")).isEqualTo("\"a/b \u007f é 中 😀\"");
  }

  @Test
  void appends_to_what_is_already_written() {
    var json = new StringBuilder("[");
    RouterJson.appendString(json, "x");
    assertThat(json).hasToString("[\"x\"");
  }
}
