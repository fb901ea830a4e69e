package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.Pair;
import io.routebench.inference.serving.ChatMl;
import java.util.List;
import java.util.function.Consumer;

/**
 * Wraps the router prompt as the single {@code user} message of a chat, the way the serving engine
 * in production does (see {@link PromptWrappers} for which way each engine takes): a template
 * rendered by llama.cpp, or ChatML written out here.
 *
 * <p>A template is rendered once, around markers, and split into the text before and after the user
 * content. Besides saving a native call per decision, this keeps user text out of the binding's
 * {@code applyTemplate}, whose JNI string conversion cannot carry characters outside the Basic
 * Multilingual Plane (emoji); the system message goes in as a marker for the same reason.
 *
 * <p>The markers are rendered with whitespace on each side, to see whether the template trims the
 * content (Llama 3's does, as does llama.cpp's built-in Llama 3 format); the router prompt starts
 * and ends with a newline, so that matters.
 *
 * @param head everything before the user content
 * @param tail everything after it, up to and including the assistant turn's header
 * @param fallback whether this is the ChatML fallback (the UI and CLI warn about it)
 * @param trimsContent whether the template trims whitespace off the user content
 */
record ChatWrapper(String head, String tail, boolean fallback, boolean trimsContent) {

  ChatWrapper(String head, String tail, boolean fallback) {
    this(head, tail, fallback, false);
  }

  private static final String MARKER = "\u2063ROUTEBENCH-USER-CONTENT\u2063";
  private static final String SYSTEM_MARKER = "\u2063ROUTEBENCH-SYSTEM-MESSAGE\u2063";

  static final ChatWrapper CHATML_FALLBACK = chatMlFallback("");

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
    return head + (trimsContent ? userContent.strip() : userContent) + tail;
  }

  /**
   * ChatML as Ollama's Go templates for ChatML models and llama.cpp's built-in format write it: a
   * system turn only when there is a system message.
   */
  static ChatWrapper chatMl(String systemMessage) {
    return new ChatWrapper(ChatMl.head(systemMessage), ChatMl.TAIL, false);
  }

  /** ChatML used because the model's own template could not be: the UI and CLI warn. */
  static ChatWrapper chatMlFallback(String systemMessage) {
    return new ChatWrapper(ChatMl.head(systemMessage), ChatMl.TAIL, true);
  }

  /**
   * The template llama.cpp was loaded with, rendered by it for one user message (after {@code
   * systemMessage}, when not empty) and split around the user content; ChatML after telling {@code
   * problem} why the template could not be used: llama.cpp failed to render it, it does not place
   * the content verbatim exactly once, or llama.cpp silently put its built-in ChatML in its place.
   *
   * <p>That last case is inferred: when llama.cpp cannot parse or render a template it logs nothing
   * RouteBench can see and renders its built-in ChatML instead, so the output is exactly ChatML. A
   * template that is ChatML itself renders the same; it is recognised by naming {@code
   * <|im_start|>} without a system prompt of its own, and not warned about. With {@code
   * chatMlExpected} (llama.cpp's built-in formats, which write ChatML for any template naming
   * {@code <|im_start|>}) ChatML is what is expected.
   */
  static ChatWrapper rendered(
      LlamaModel model,
      String template,
      String systemMessage,
      boolean chatMlExpected,
      Consumer<String> problem) {
    if (!systemMessage.isEmpty()) {
      // With a system message Qwen's template writes exactly ChatML, so llama.cpp's silent ChatML
      // fallback can only be told apart without one.
      ChatWrapper withoutSystem = rendered(model, template, "", chatMlExpected, problem);
      if (withoutSystem.fallback()) {
        return chatMlFallback(systemMessage);
      }
    }
    var parameters =
        new InferenceParameters("")
            .setMessages(
                systemMessage.isEmpty() ? null : padded(SYSTEM_MARKER),
                List.of(new Pair<>("user", padded(MARKER))));
    String rendered;
    try {
      rendered = model.applyTemplate(parameters);
    } catch (RuntimeException e) {
      problem.accept("llama.cpp could not render it (" + e.getMessage() + ")");
      return chatMlFallback(systemMessage);
    }
    Placed user = Placed.find(rendered, MARKER);
    if (user == null) {
      problem.accept("it does not place the user message verbatim");
      return chatMlFallback(systemMessage);
    }
    String head = rendered.substring(0, user.start());
    String tail = rendered.substring(user.end());
    if (!systemMessage.isEmpty()) {
      Placed system = Placed.find(head, SYSTEM_MARKER);
      if (system == null) {
        problem.accept("it does not place the system message verbatim before the user message");
        return chatMlFallback(systemMessage);
      }
      head =
          head.substring(0, system.start())
              + (system.trimmed() ? systemMessage.strip() : systemMessage)
              + head.substring(system.end());
    }
    var wrapper = new ChatWrapper(head, tail, false, user.trimmed());
    boolean plainChatMl = template.contains("<|im_start|>") && !template.contains("system");
    if (systemMessage.isEmpty()
        && wrapper.equals(chatMl(systemMessage))
        && !plainChatMl
        && !chatMlExpected) {
      problem.accept(
          "llama.cpp could not parse or render it and silently used its built-in ChatML instead"
              + " (the rendered prompt is exactly ChatML, which this template does not write)");
      return chatMlFallback(systemMessage);
    }
    return wrapper;
  }

  /** Whitespace no template writes itself next to content, and every trim removes. */
  private static final String PAD_BEFORE = " \n\t";

  private static final String PAD_AFTER = "\t\n ";

  private static String padded(String marker) {
    return PAD_BEFORE + marker + PAD_AFTER;
  }

  /**
   * Where a padded marker landed in rendered text, its padding included, and whether the template
   * trimmed the padding off; {@code null} when it is not there exactly once, or was changed
   * otherwise (trimmed on one side only).
   */
  private record Placed(int start, int end, boolean trimmed) {
    static Placed find(String rendered, String marker) {
      int at = rendered.indexOf(marker);
      if (at < 0 || rendered.indexOf(marker, at + 1) >= 0) {
        return null;
      }
      int end = at + marker.length();
      boolean before = rendered.startsWith(PAD_BEFORE, at - PAD_BEFORE.length());
      boolean after = rendered.startsWith(PAD_AFTER, end);
      if (before && after) {
        return new Placed(at - PAD_BEFORE.length(), end + PAD_AFTER.length(), false);
      }
      return before || after ? null : new Placed(at, end, true);
    }
  }
}
