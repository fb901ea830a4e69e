package io.routebench.app.taxonomy;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The token count of the description being edited: exact with the loaded router model's tokenizer,
 * else an estimate (UTF-8 bytes / 4, the proxy's own budget estimate) that says it is one.
 */
final class DescriptionTokens {

  /**
   * @param tokens how many tokens
   * @param tokenizer who counted them, or {@code null} for the estimate
   */
  record Count(int tokens, String tokenizer) {
    boolean isEstimate() {
      return tokenizer == null;
    }
  }

  private final ObservableValue<String> description;
  private final TokenCounter counter;
  private final ReadOnlyObjectWrapper<Count> count = new ReadOnlyObjectWrapper<>(this, "count");

  /** Held here: the counter outlives this editor, and listens only weakly. */
  private final InvalidationListener recount = obs -> recount();

  /** Bumped by each request, so that an answer for an older text is dropped. */
  private int request;

  DescriptionTokens(ObservableValue<String> description, TokenCounter counter) {
    this.description = description;
    this.counter = counter;
    description.addListener(new WeakInvalidationListener(recount));
    counter.tokenizerNameProperty().addListener(new WeakInvalidationListener(recount));
    recount();
  }

  ReadOnlyObjectProperty<Count> countProperty() {
    return count.getReadOnlyProperty();
  }

  static int estimate(String text) {
    return (text.getBytes(StandardCharsets.UTF_8).length + 3) / 4;
  }

  private void recount() {
    String text = description.getValue();
    String tokenizer = counter.tokenizerNameProperty().getValue();
    int thisRequest = ++request;
    if (tokenizer == null) {
      count.set(new Count(estimate(text), null));
      return;
    }
    // The last exact count stays up until the new one comes: no flicker to the estimate and back
    // on every keystroke.
    if (count.get() == null || count.get().isEstimate()) {
      count.set(new Count(estimate(text), null));
    }
    counter.count(
        text,
        (OptionalInt tokens) -> {
          if (thisRequest == request) {
            count.set(
                tokens.isPresent()
                    ? new Count(tokens.getAsInt(), tokenizer)
                    : new Count(estimate(text), null));
          }
        });
  }
}
