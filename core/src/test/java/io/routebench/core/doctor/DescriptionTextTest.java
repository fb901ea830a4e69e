package io.routebench.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriptionTextTest {

  @Test
  void dropped_words_leave_readable_text() {
    assertThat(
            DescriptionText.withoutWords(
                "Writing programs, functions and scripts; handles exceptions.", Set.of("programs")))
        .isEqualTo("Writing functions and scripts; handles exceptions.");
    assertThat(
            DescriptionText.withoutWords(
                "Writing code that handles errors and exceptions.", Set.of("errors", "exceptions")))
        .isEqualTo("Writing code that handles.");
    assertThat(
            DescriptionText.withoutWords(
                "Kubernetes pods, Kubernetes-native", Set.of("kubernetes")))
        .isEqualTo("pods, Kubernetes-native");
  }

  @Test
  void a_sentence_is_added_after_a_full_stop() {
    assertThat(DescriptionText.withSentence("Fixing bugs", "Not for email."))
        .isEqualTo("Fixing bugs. Not for email.");
    assertThat(DescriptionText.withSentence("Fixing bugs. ", "Not for email."))
        .isEqualTo("Fixing bugs. Not for email.");
    assertThat(DescriptionText.withSentence("", "Not for email.")).isEqualTo("Not for email.");
  }

  @Test
  void terms_are_joined_as_a_list_in_prose() {
    assertThat(DescriptionText.joined(List.of("a"), "or")).isEqualTo("a");
    assertThat(DescriptionText.joined(List.of("a", "b"), "or")).isEqualTo("a or b");
    assertThat(DescriptionText.joined(List.of("a", "b", "c"), "and")).isEqualTo("a, b and c");
  }
}
