package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.Pair;
import java.util.List;
import java.util.function.Consumer;

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

  /**
   * ChatML as a Jinja template, given to llama.cpp in place of a template RouteBench refused, so
   * llama.cpp never parses the refused one.
   */
  static final String CHATML_JINJA =
      "{%- for message in messages %}{{- '<|im_start|>' + message['role'] + '\\n' +"
          + " message['content'] + '<|im_end|>\\n' }}{%- endfor %}{%- if add_generation_prompt"
          + " %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";

  /** The full text up to and including the assistant turn's header. */
  String wrap(String userContent) {
    return head + userContent + tail;
  }

  /**
   * The model's own template split around the user content, or ChatML after telling {@code problem}
   * why the template could not be used: llama.cpp failed to render it, it does not place the
   * content verbatim exactly once, or llama.cpp silently put its built-in ChatML in its place.
   *
   * <p>That last case is inferred: when llama.cpp cannot parse or render a template it logs nothing
   * RouteBench can see and renders its built-in ChatML instead, so the output is exactly {@link
   * #CHATML_FALLBACK}'s. A template that is ChatML itself renders the same; it is recognised by
   * naming {@code <|im_start|>} without a system prompt of its own, and not warned about.
   */
  static ChatWrapper fromModelTemplate(
      LlamaModel model, String template, Consumer<String> problem) {
    var parameters =
        new InferenceParameters("").setMessages(null, List.of(new Pair<>("user", MARKER)));
    String rendered;
    try {
      rendered = model.applyTemplate(parameters);
    } catch (RuntimeException e) {
      problem.accept("llama.cpp could not render it (" + e.getMessage() + ")");
      return CHATML_FALLBACK;
    }
    int at = rendered.indexOf(MARKER);
    if (at < 0 || rendered.indexOf(MARKER, at + 1) >= 0) {
      problem.accept("it does not place the user message verbatim");
      return CHATML_FALLBACK;
    }
    var wrapper =
        new ChatWrapper(rendered.substring(0, at), rendered.substring(at + MARKER.length()), false);
    boolean plainChatMl = template.contains("<|im_start|>") && !template.contains("system");
    if (wrapper.head.equals(CHATML_FALLBACK.head)
        && wrapper.tail.equals(CHATML_FALLBACK.tail)
        && !plainChatMl) {
      problem.accept(
          "llama.cpp could not parse or render it and silently used its built-in ChatML instead"
              + " (the rendered prompt is exactly ChatML, which this template does not write)");
      return CHATML_FALLBACK;
    }
    return wrapper;
  }
}
