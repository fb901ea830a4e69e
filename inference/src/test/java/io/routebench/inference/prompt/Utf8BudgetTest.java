package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8BudgetTest {

  @Test
  void one_to_four_bytes_per_character_by_code_point_range() {
    assertThat(Utf8Budget.byteLength("a")).isEqualTo(1);
    assertThat(Utf8Budget.byteLength("\u007f")).isEqualTo(1);
    assertThat(Utf8Budget.byteLength("\u0080")).isEqualTo(2);
    assertThat(Utf8Budget.byteLength("é")).isEqualTo(2);
    assertThat(Utf8Budget.byteLength("\u07ff")).isEqualTo(2);
    assertThat(Utf8Budget.byteLength("\u0800")).isEqualTo(3);
    assertThat(Utf8Budget.byteLength("中")).isEqualTo(3);
    assertThat(Utf8Budget.byteLength("\uffff")).isEqualTo(3);
    assertThat(Utf8Budget.byteLength("😀")).isEqualTo(4);
    assertThat(Utf8Budget.byteLength("")).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain ASCII",
        "Écris une fonction — 中文 😀😅🗼",
        "\ud83d\ude00\ud83d\ude00",
        "lone high \ud83d then text",
        "lone low \ude00 then text",
        "low before high \ude00\ud83d",
        "ends with a lone high \ud83d",
        "\u0000\u0001\u001f\u007f"
      })
  void agrees_with_the_jdk_encoder_even_for_lone_surrogates(String text) {
    assertThat(Utf8Budget.byteLength(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void tokens_are_bytes_divided_by_four_rounded_down() {
    assertThat(Utf8Budget.estimatedTokens("abc")).isZero();
    assertThat(Utf8Budget.estimatedTokens("abcd")).isEqualTo(1);
    assertThat(Utf8Budget.estimatedTokens("abcdefg")).isEqualTo(1);
    assertThat(Utf8Budget.estimatedTokens("中中中中")).isEqualTo(3);
    assertThat(Utf8Budget.estimatedTokens("😀😀")).isEqualTo(2);
  }
}
