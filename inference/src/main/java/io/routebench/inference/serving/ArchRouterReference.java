package io.routebench.inference.serving;

import io.routebench.core.routing.PromptWrapping;
import java.util.List;
import java.util.Optional;

/**
 * The text each serving engine makes of one user message for Arch-Router (Qwen2.5's chat template,
 * ChatML), known without the model file: text A (no system turn) for Ollama and llama-server
 * without Jinja, text B (Qwen's default system turn first) for vLLM and llama-server, a given
 * system message in place of either's. Used where no GGUF is at hand, and said to be so.
 */
public final class ArchRouterReference {

  public static final String BASIS =
      "Arch-Router's chat template (Qwen2.5, ChatML), as no GGUF is loaded; load the model, or"
          + " pass --gguf, to compare with its own template and tokens";

  private ArchRouterReference() {}

  /** Empty for a custom template: rendering Jinja takes llama.cpp, and so the model file. */
  public static Optional<ExpectedRendering> expected(PromptWrapping wrapping, String userMessage) {
    if (wrapping.customTemplate() != null) {
      return Optional.empty();
    }
    String system = wrapping.systemMessage();
    String text =
        switch (wrapping.servedBy()) {
          case OLLAMA, LLAMA_SERVER_NO_JINJA -> ChatMl.wrap(system, userMessage);
          case VLLM, LLAMA_SERVER ->
              ChatMl.wrap(system.isEmpty() ? ChatMl.QWEN_DEFAULT_SYSTEM : system, userMessage);
        };
    return Optional.of(new ExpectedRendering(text, List.of(), BASIS));
  }
}
