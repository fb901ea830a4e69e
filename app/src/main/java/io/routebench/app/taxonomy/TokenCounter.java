package io.routebench.app.taxonomy;

import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * The router model's own tokenizer, for the description editor's count: how much of the prompt a
 * description really costs with the model that will read it. Counting runs where the model lives
 * (llama.cpp's thread), so the answer comes later, on the UI thread.
 */
public interface TokenCounter {

  /**
   * The tokenizer that counts, as the user knows it (the model's file name); {@code null}: none.
   */
  ObservableValue<String> tokenizerNameProperty();

  /** Counts {@code text}; {@code answer} runs on the UI thread, empty when it could not count. */
  void count(String text, Consumer<OptionalInt> answer);
}
