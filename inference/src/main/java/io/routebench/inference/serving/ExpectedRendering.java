package io.routebench.inference.serving;

import java.util.List;
import java.util.Objects;

/**
 * RouteBench's own text for one user message under the chosen wrapping, to hold against a server's.
 *
 * @param tokens the text's token ids by the model's own tokenizer, empty without a local model
 * @param basis where the text comes from, for the answer, e.g. {@code the loaded arch.gguf}
 */
public record ExpectedRendering(String text, List<Integer> tokens, String basis) {

  public ExpectedRendering {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(basis, "basis");
  }
}
