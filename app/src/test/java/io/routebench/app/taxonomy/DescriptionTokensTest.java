package io.routebench.app.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;

class DescriptionTokensTest {

  /** A tokenizer whose answers the test gives, in its own time. */
  private static final class HeldCounter implements TokenCounter {
    final StringProperty name = new SimpleStringProperty();
    final List<String> asked = new ArrayList<>();
    final List<Consumer<OptionalInt>> answers = new ArrayList<>();

    @Override
    public ObservableValue<String> tokenizerNameProperty() {
      return name;
    }

    @Override
    public void count(String text, Consumer<OptionalInt> answer) {
      asked.add(text);
      answers.add(answer);
    }
  }

  private final StringProperty description = new SimpleStringProperty("Writing new code.");
  private final HeldCounter counter = new HeldCounter();

  @Test
  void without_a_tokenizer_the_count_is_the_estimate_and_says_so() {
    var tokens = new DescriptionTokens(description, counter);

    assertThat(tokens.countProperty().get()).isEqualTo(new DescriptionTokens.Count(5, null));
    description.set("é".repeat(10)); // 20 UTF-8 bytes
    assertThat(tokens.countProperty().get().tokens()).isEqualTo(5);
    assertThat(tokens.countProperty().get().isEstimate()).isTrue();
    assertThat(counter.asked).isEmpty();
  }

  @Test
  void a_loaded_tokenizer_counts_exactly_and_an_answer_for_older_text_is_dropped() {
    counter.name.set("arch-router.gguf");
    var tokens = new DescriptionTokens(description, counter);
    counter.answers.get(0).accept(OptionalInt.of(3));
    assertThat(tokens.countProperty().get())
        .isEqualTo(new DescriptionTokens.Count(3, "arch-router.gguf"));

    description.set("Writing new code, fast.");
    description.set("Writing new code, fast and well.");
    // The exact count stays up while the new one is asked: no flicker to the estimate.
    assertThat(tokens.countProperty().get().tokens()).isEqualTo(3);
    counter.answers.get(2).accept(OptionalInt.of(7));
    counter.answers.get(1).accept(OptionalInt.of(5)); // late answer for the previous text

    assertThat(tokens.countProperty().get())
        .isEqualTo(new DescriptionTokens.Count(7, "arch-router.gguf"));
  }

  @Test
  void unloading_the_model_goes_back_to_the_estimate() {
    counter.name.set("arch-router.gguf");
    var tokens = new DescriptionTokens(description, counter);
    counter.answers.get(0).accept(OptionalInt.of(3));

    counter.name.set(null);

    assertThat(tokens.countProperty().get()).isEqualTo(new DescriptionTokens.Count(5, null));
  }
}
