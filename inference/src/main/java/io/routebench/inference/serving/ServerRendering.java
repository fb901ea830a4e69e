package io.routebench.inference.serving;

import java.util.List;
import java.util.Objects;

/**
 * What a server says it makes of one user message: the text its chat template renders, and the
 * token ids when it gives them (vLLM and llama-server do, Ollama does not).
 *
 * @param tokens empty when the server gives none
 * @param asked which request answered, e.g. {@code POST /api/chat with _debug_render_only}
 */
public record ServerRendering(String text, List<Integer> tokens, String asked) {

  public ServerRendering {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(asked, "asked");
  }
}
