package io.routebench.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiddleTrimTest {

  /** One character of each UTF-8 length. */
  private static final List<String> ALPHABET = List.of("a", "é", "中", "😀");

  @Test
  void text_that_fits_is_returned_unchanged() {
    assertThat(MiddleTrim.toBytes("hello", 5)).isEqualTo("hello");
    assertThat(MiddleTrim.toBytes("😀", 4)).isEqualTo("😀");
    assertThat(MiddleTrim.toBytes("", 0)).isEmpty();
  }

  @Test
  void three_fifths_of_the_room_go_to_the_head_the_rest_to_the_tail() {
    // 20 bytes into 13: 10 available after the ellipsis, head 6, tail 4.
    assertThat(MiddleTrim.toBytes("abcdefghijklmnopqrst", 13)).isEqualTo("abcdef…qrst");
  }

  @Test
  void the_head_backs_off_to_a_boundary_and_the_tail_receives_what_it_gave_up() {
    // Bytes: a-h 0-7, 😀 8-11, 中 12-14, 中 15-17, a 18, b 19.
    // Into 19: available 16, head 9 is inside 😀 and backs off to 8, so the tail may take 16 - 8 =
    // 8
    // bytes and starts exactly at the first 中 (a tail sized before the back-off would get 7).
    assertThat(MiddleTrim.toBytes("abcdefgh😀中中ab", 19)).isEqualTo("abcdefgh…中中ab");
    // Into 17: available 14, head 8 is a boundary, tail 6 starts inside the first 中 and moves on.
    assertThat(MiddleTrim.toBytes("abcdefgh😀中中ab", 17)).isEqualTo("abcdefgh…中ab");
  }

  @Test
  void two_byte_characters_at_both_cuts() {
    // 20 bytes of é into 13: available 10, head 6 is a boundary, tail 4.
    assertThat(MiddleTrim.toBytes("éééééééééé", 13)).isEqualTo("ééé…éé");
    // into 14: available 11, head 6, tail 5 starts mid-é and moves forward to 4 bytes.
    assertThat(MiddleTrim.toBytes("éééééééééé", 14)).isEqualTo("ééé…éé");
  }

  @Test
  void budgets_too_small_for_the_ellipsis_keep_only_whole_leading_characters() {
    assertThat(MiddleTrim.toBytes("😀abc", 3)).isEmpty();
    assertThat(MiddleTrim.toBytes("ab😀", 3)).isEqualTo("ab");
    assertThat(MiddleTrim.toBytes("é中", 2)).isEqualTo("é");
    assertThat(MiddleTrim.toBytes("é中", 1)).isEmpty();
    assertThat(MiddleTrim.toBytes("abcd", 0)).isEmpty();
  }

  @Test
  void exactly_four_bytes_leave_one_for_head_and_tail_together() {
    // available 1: head 3/5 = 0, tail 1.
    assertThat(MiddleTrim.toBytes("abcdef", 4)).isEqualTo("…f");
    assertThat(MiddleTrim.toBytes("abcdeé", 4)).isEqualTo("…");
  }

  @Test
  void a_negative_budget_is_a_programming_error() {
    assertThatIllegalArgumentException().isThrownBy(() -> MiddleTrim.toBytes("abc", -1));
  }

  /**
   * Every text of up to five characters from the alphabet, at every budget: the result is the
   * character-level reading of plano's rule, restated here over code points rather than bytes.
   */
  @Test
  void every_short_text_at_every_budget_follows_the_rule_character_by_character() {
    int checked = 0;
    for (List<String> text : allTexts(5)) {
      String joined = String.join("", text);
      int length = Utf8Budget.byteLength(joined);
      for (int budget = 0; budget <= length + 1; budget++) {
        String trimmed = MiddleTrim.toBytes(joined, budget);
        assertThat(trimmed)
            .as("%s into %d bytes", joined, budget)
            .isEqualTo(expected(text, budget));
        assertThat(Utf8Budget.byteLength(trimmed)).isLessThanOrEqualTo(Math.max(budget, 0));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  private static String expected(List<String> text, int budget) {
    String joined = String.join("", text);
    if (Utf8Budget.byteLength(joined) <= budget) {
      return joined;
    }
    if (budget <= 3) {
      return longestPrefix(text, budget);
    }
    int available = budget - 3;
    String head = longestPrefix(text, available * 3 / 5);
    return head + "…" + longestSuffix(text, available - Utf8Budget.byteLength(head));
  }

  private static String longestPrefix(List<String> text, int maxBytes) {
    var prefix = new StringBuilder();
    for (String c : text) {
      if (Utf8Budget.byteLength(prefix + c) > maxBytes) {
        break;
      }
      prefix.append(c);
    }
    return prefix.toString();
  }

  private static String longestSuffix(List<String> text, int maxBytes) {
    String suffix = "";
    for (int i = text.size() - 1; i >= 0; i--) {
      if (Utf8Budget.byteLength(text.get(i) + suffix) > maxBytes) {
        break;
      }
      suffix = text.get(i) + suffix;
    }
    return suffix;
  }

  private static List<List<String>> allTexts(int maxLength) {
    var texts = new ArrayList<List<String>>();
    texts.add(List.of());
    int start = 0;
    for (int length = 1; length <= maxLength; length++) {
      int end = texts.size();
      for (int i = start; i < end; i++) {
        for (String c : ALPHABET) {
          var longer = new ArrayList<>(texts.get(i));
          longer.add(c);
          texts.add(List.copyOf(longer));
        }
      }
      start = end;
    }
    return texts;
  }
}
