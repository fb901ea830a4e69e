package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.Pair;
import java.util.List;
import java.util.Optional;

/**
 * Wraps the router prompt as the single {@code user} message of a chat, the way the serving engine
 * in production does: with the GGUF's own chat template (rendered by llama.cpp's Jinja engine, so
 * Qwen2.5's default system prompt appears exactly as Ollama or vLLM insert it), or ChatML when the
 * model carries no usable template.
 *
 * <p>The template is rendered once, around a marker, and split into the text before and after the
 * user content. Besides saving a native call per decision, this keeps user text out of the
 * binding's {@code applyTemplate}, whose JNI string conversion cannot carry characters outside the
 * Basic Multilingual Plane (emoji).
 *
 * @param head everything before the user content
 * @param tail everything after it, up to and including the assistant turn's header
 * @param fallback whether this is the ChatML fallback (the UI and CLI warn about it)
 */
record ChatWrapper(String head, String tail, boolean fallback) {

  private static final String MARKER = "\u2063ROUTEBENCH-USER-CONTENT\u2063";

  static final ChatWrapper CHATML_FALLBACK =
      new ChatWrapper("<|im_start|>user\n", "<|im_end|>\n<|im_start|>assistant\n", true);

  /** The full text up to and including the assistant turn's header. */
  String wrap(String userContent) {
    return head + userContent + tail;
  }

  /**
   * The model's own template split around the user content, or empty when rendering it does not
   * place the content verbatim exactly once (then the caller falls back to ChatML and says so).
   */
  static Optional<ChatWrapper> fromModelTemplate(LlamaModel model) {
    var parameters =
        new InferenceParameters("").setMessages(null, List.of(new Pair<>("user", MARKER)));
    String rendered = model.applyTemplate(parameters);
    int at = rendered.indexOf(MARKER);
    if (at < 0 || rendered.indexOf(MARKER, at + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ChatWrapper(
            rendered.substring(0, at), rendered.substring(at + MARKER.length()), false));
  }
}
