package io.routebench.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriptionWordsTest {

  @Test
  void telling_words_shared_with_other_descriptions_are_found_common_ones_are_not() {
    var shared =
        DescriptionWords.shared(
            "Finding and fixing the crash of a Kubernetes pod in the user's code.",
            List.of("Writing Kubernetes manifests and diagnosing pods that crash.", "Other code."));

    assertThat(shared).containsExactly("crash", "kubernetes");
  }

  @Test
  void occurrences_are_ranges_of_the_text_whatever_their_case() {
    String text = "Crash loops, then a crash.";

    assertThat(DescriptionWords.occurrences(text, Set.of("crash")))
        .containsExactly(
            new DescriptionWords.Occurrence(0, 5), new DescriptionWords.Occurrence(20, 25));
  }
}
