package io.routebench.inference.llama;

import de.kherud.llama.LlamaModel;
import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.serving.ChatMl;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wraps the router prompt the way the user's serving engine does ({@link PromptWrapping}), so that
 * the local model reads the text the production model reads:
 *
 * <ul>
 *   <li>{@code vllm}, {@code llama-server}: the model's Jinja template (or the user's own),
 *       rendered by llama.cpp's Jinja engine (minja), as llama-server {@code --jinja} renders it;
 *       vLLM renders the same template with Python's Jinja2;
 *   <li>{@code llama-server-no-jinja}: the model is loaded without Jinja, so llama.cpp applies its
 *       built-in format for the template it detects, exactly as llama-server without {@code
 *       --jinja} does;
 *   <li>{@code ollama}: ChatML written out, as the Go templates Ollama gets for ChatML models write
 *       it (the hub maps Qwen2.5's template to {@code library/qwen2.5-coder}'s, which writes a
 *       system turn only {@code if or .System .Tools}). For other families RouteBench cannot know
 *       which Go template Ollama was given, says so, and renders the model's own template instead.
 * </ul>
 */
public final class PromptWrappers {

  /** How a wrapper came about, recorded in the engine identity as {@code chatTemplate}. */
  static final String MODEL = "model";

  static final String BUILT_IN_FORMAT = "llama.cpp built-in format";
  static final String OLLAMA_CHATML = "ollama chatml";
  static final String MODEL_FOR_UNKNOWN_OLLAMA_TEMPLATE = "model (ollama template unknown)";
  static final String CUSTOM = "custom";
  static final String CHATML_FALLBACK = "chatml-fallback";

  private PromptWrappers() {}

  /** A wrapper and how it came about. */
  record Wrapped(ChatWrapper wrapper, String how) {}

  /**
   * Why RouteBench will not render {@code template} (a template of the user's own, checked when it
   * is chosen), or empty when it will: the same bounds as for a model's template ({@link
   * ChatTemplateScreen}).
   */
  public static Optional<String> customTemplateRefusal(String template) {
    return ChatTemplateScreen.refusal(template);
  }

  /** Whether llama.cpp must be loaded with Jinja on for {@code wrapping}. */
  static boolean needsJinja(PromptWrapping wrapping) {
    return switch (wrapping.servedBy()) {
      case LLAMA_SERVER_NO_JINJA -> false;
      case OLLAMA, VLLM, LLAMA_SERVER -> true;
    };
  }

  /** The template llama.cpp must be loaded with in place of the model's, if any. */
  static Optional<String> templateOverride(GgufModelInfo info, PromptWrapping wrapping) {
    if (wrapping.customTemplate() != null) {
      return Optional.of(wrapping.customTemplate().text());
    }
    // llama.cpp parses and test-renders the template while loading: a refused one never reaches it.
    return info.chatTemplate()
        .flatMap(ChatTemplateScreen::refusal)
        .map(why -> ChatWrapper.CHATML_JINJA);
  }

  /**
   * Refuses a custom template RouteBench will not render before anything is loaded: the user chose
   * it, so it is an error, not a reason to wrap otherwise.
   */
  static void requireUsableCustomTemplate(PromptWrapping wrapping) {
    CustomChatTemplate custom = wrapping.customTemplate();
    if (custom == null) {
      return;
    }
    customTemplateRefusal(custom.text())
        .ifPresent(
            why -> {
              throw new RoutingException(
                  "The chat template " + custom.fileName() + " cannot be used: " + why + ".");
            });
  }

  /**
   * The wrapper for {@code wrapping}, telling {@code warnings} loudly whenever it is not what the
   * serving engine writes or RouteBench cannot know what it writes.
   *
   * @param model loaded as {@link #needsJinja} and {@link #templateOverride} say
   */
  static Wrapped wrap(
      String modelName,
      GgufModelInfo info,
      PromptWrapping wrapping,
      LlamaModel model,
      Consumer<String> warnings) {
    String system = wrapping.systemMessage();
    if (wrapping.customTemplate() != null) {
      return new Wrapped(custom(model, wrapping.customTemplate(), system), CUSTOM);
    }
    if (info.chatTemplate().isEmpty()) {
      warnings.accept(
          modelName
              + " has no chat template; using ChatML. Production applies the model's template,"
              + " so decisions may differ.");
      return new Wrapped(ChatWrapper.chatMlFallback(system), CHATML_FALLBACK);
    }
    String template = info.chatTemplate().get();
    return switch (wrapping.servedBy()) {
      case OLLAMA -> ollama(modelName, template, system, model, warnings);
      case VLLM, LLAMA_SERVER -> modelTemplate(modelName, template, system, model, warnings, MODEL);
      case LLAMA_SERVER_NO_JINJA -> builtInFormat(modelName, template, system, model, warnings);
    };
  }

  private static Wrapped ollama(
      String modelName,
      String template,
      String system,
      LlamaModel model,
      Consumer<String> warnings) {
    if (ChatMl.isChatMlTemplate(template) && !template.contains("<think>")) {
      return new Wrapped(ChatWrapper.chatMl(system), OLLAMA_CHATML);
    }
    warnings.accept(
        "OLLAMA'S TEMPLATE UNKNOWN: "
            + modelName
            + "'s chat template is not ChatML, and RouteBench cannot tell which Go template"
            + " Ollama uses for it, so prompts are wrapped with the model's own template (as vLLM"
            + " would). Use \"Check against my server\" (Connect…, or routebench check-server) to"
            + " see what your Ollama renders.");
    return modelTemplate(
        modelName, template, system, model, warnings, MODEL_FOR_UNKNOWN_OLLAMA_TEMPLATE);
  }

  private static Wrapped modelTemplate(
      String modelName,
      String template,
      String system,
      LlamaModel model,
      Consumer<String> warnings,
      String how) {
    Optional<String> refusal = ChatTemplateScreen.refusal(template);
    if (refusal.isPresent()) {
      warnings.accept(notUsed(modelName, "RouteBench refused to render it: " + refusal.get()));
      return new Wrapped(ChatWrapper.chatMlFallback(system), CHATML_FALLBACK);
    }
    var problems = new Problems();
    ChatWrapper wrapper = ChatWrapper.rendered(model, template, system, false, problems);
    if (problems.first != null) {
      warnings.accept(notUsed(modelName, problems.first));
      return new Wrapped(wrapper, CHATML_FALLBACK);
    }
    return new Wrapped(wrapper, how);
  }

  /**
   * llama.cpp without Jinja: its built-in format for the template it detects; for a template it
   * does not know, llama-server falls back to ChatML, and so does this.
   */
  private static Wrapped builtInFormat(
      String modelName,
      String template,
      String system,
      LlamaModel model,
      Consumer<String> warnings) {
    Optional<String> refusal = ChatTemplateScreen.refusal(template);
    if (refusal.isPresent()) {
      warnings.accept(notUsed(modelName, "RouteBench refused to read it: " + refusal.get()));
      return new Wrapped(ChatWrapper.chatMlFallback(system), CHATML_FALLBACK);
    }
    boolean chatMl = ChatMl.isChatMlTemplate(template);
    var problems = new Problems();
    ChatWrapper wrapper = ChatWrapper.rendered(model, template, system, chatMl, problems);
    if (problems.first != null) {
      warnings.accept(
          "BUILT-IN FORMAT NOT FOUND: llama.cpp's built-in chat formats do not include "
              + modelName
              + "'s chat template ("
              + problems.first
              + "), so llama-server without --jinja wraps prompts in plain ChatML, and so does"
              + " RouteBench here.");
      return new Wrapped(wrapper, CHATML_FALLBACK);
    }
    return new Wrapped(wrapper, BUILT_IN_FORMAT);
  }

  private static ChatWrapper custom(LlamaModel model, CustomChatTemplate custom, String system) {
    var problems = new Problems();
    ChatWrapper wrapper = ChatWrapper.rendered(model, custom.text(), system, false, problems);
    if (problems.first != null) {
      throw new RoutingException(
          "The chat template " + custom.fileName() + " cannot be used: " + problems.first + ".");
    }
    return wrapper;
  }

  static String notUsed(String modelName, String why) {
    return "CHAT TEMPLATE NOT USED: "
        + modelName
        + "'s chat template was not applied because "
        + why
        + ". Prompts are wrapped in plain ChatML instead, so they differ from what production"
        + " sends and decisions may differ.";
  }

  /** Keeps the first problem a rendering reports. */
  private static final class Problems implements Consumer<String> {
    private String first;

    @Override
    public void accept(String problem) {
      if (first == null) {
        first = problem;
      }
    }
  }
}
