package io.routebench.core.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * How the serving engine wraps the proxy's single {@code user} message into the text the router
 * model reads: which engine serves the model, optionally a Jinja template of the user's own, and
 * optionally a system message the server adds (an Ollama Modelfile {@code SYSTEM}, for one). Part
 * of the workspace: it describes the user's production setup. RouteBench's own llama.cpp engine
 * wraps exactly so; a connected server wraps by itself, and there this only records what it does.
 *
 * @param servedBy the engine that serves the router in production
 * @param customTemplate a template used in place of the model's, or {@code null}; only engines that
 *     render Jinja take one
 * @param systemMessage the system message the server adds, {@code ""} for none (both proxies send
 *     none of their own)
 */
public record PromptWrapping(
    ServingEngine servedBy, CustomChatTemplate customTemplate, String systemMessage) {

  /** The proxies' documented self-hosted setup; see {@link ServingEngine#DEFAULT_REASON}. */
  public static final PromptWrapping DEFAULT = new PromptWrapping(ServingEngine.OLLAMA, null, "");

  /**
   * What runs recorded before RouteBench knew the serving engine were made with: its llama.cpp
   * engine rendered the GGUF's template with Jinja, as llama-server does.
   */
  public static final PromptWrapping BEFORE_SERVED_BY =
      new PromptWrapping(ServingEngine.LLAMA_SERVER, null, "");

  public PromptWrapping {
    Objects.requireNonNull(servedBy, "servedBy");
    systemMessage = systemMessage == null ? "" : systemMessage;
    if (customTemplate != null && !servedBy.rendersJinja()) {
      throw new IllegalArgumentException(
          "a custom Jinja chat template needs a server that renders Jinja (vllm or llama-server); "
              + servedBy.id()
              + (servedBy == ServingEngine.OLLAMA
                  ? " uses Go templates"
                  : " uses llama.cpp's built-in formats"));
    }
  }

  public static PromptWrapping of(ServingEngine servedBy) {
    return new PromptWrapping(servedBy, null, "");
  }

  public Optional<CustomChatTemplate> customTemplateIfAny() {
    return Optional.ofNullable(customTemplate);
  }

  public boolean hasSystemMessage() {
    return !systemMessage.isEmpty();
  }

  /**
   * Another engine; a custom template is kept while the engine renders Jinja and dropped otherwise
   * (undo brings it back).
   */
  public PromptWrapping withServedBy(ServingEngine engine) {
    return new PromptWrapping(engine, engine.rendersJinja() ? customTemplate : null, systemMessage);
  }

  public PromptWrapping withCustomTemplate(CustomChatTemplate template) {
    return new PromptWrapping(servedBy, template, systemMessage);
  }

  public PromptWrapping withSystemMessage(String message) {
    return new PromptWrapping(servedBy, customTemplate, message);
  }

  /** What a run or decision records of this wrapping. */
  public RecordedWrapping recorded() {
    return new RecordedWrapping(
        servedBy, customTemplate == null ? "" : customTemplate.fingerprint(), systemMessage);
  }

  /** e.g. {@code ollama}, or {@code vllm with template router.jinja and a system message}. */
  public String summary() {
    return recorded().summary();
  }
}
