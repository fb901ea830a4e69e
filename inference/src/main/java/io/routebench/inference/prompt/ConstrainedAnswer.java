package io.routebench.inference.prompt;

import java.util.Objects;

/**
 * How to make a router answer well-formed by construction: the assistant turn starts with {@code
 * prefill}, and decoding continues under {@code gbnfGrammar} (llama.cpp's GBNF), which admits only
 * the known route names and the closing of the JSON.
 */
public record ConstrainedAnswer(String prefill, String gbnfGrammar) {

  public ConstrainedAnswer {
    Objects.requireNonNull(prefill, "prefill");
    Objects.requireNonNull(gbnfGrammar, "gbnfGrammar");
  }

  /**
   * The whole answer as the model gave it, for display and for {@link RouterAnswerParser}: the
   * prefill was part of the assistant turn, so it belongs to the answer.
   */
  public String rawAnswer(String generated) {
    return prefill + generated;
  }
}
