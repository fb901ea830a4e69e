package io.routebench.core.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The prompt wrapping a decision or run was made under, as its {@link EngineIdentity} records it:
 * enough to tell two wrappings apart and to name them, without the template's text.
 *
 * @param customTemplate the custom template's {@link CustomChatTemplate#fingerprint()}, or {@code
 *     ""}
 * @param systemMessage {@code ""} for none
 */
public record RecordedWrapping(
    ServingEngine servedBy, String customTemplate, String systemMessage) {

  /** The keys of {@link EngineIdentity#settings()} that hold it. */
  public static final String SERVED_BY = "servedBy";

  public static final String CUSTOM_TEMPLATE = "customChatTemplate";
  public static final String SYSTEM_MESSAGE = "systemMessage";

  public RecordedWrapping {
    Objects.requireNonNull(servedBy, "servedBy");
    customTemplate = customTemplate == null ? "" : customTemplate;
    systemMessage = systemMessage == null ? "" : systemMessage;
  }

  /**
   * What {@code engine} was made under. An identity from before RouteBench recorded it reads as
   * {@link PromptWrapping#BEFORE_SERVED_BY} when RouteBench's llama.cpp engine made it (that is the
   * wrapping it used); a server's is unknown then, as is an engine id a newer RouteBench wrote.
   */
  public static Optional<RecordedWrapping> of(EngineIdentity engine) {
    Map<String, String> settings = engine.settings();
    String servedBy = settings.get(SERVED_BY);
    if (servedBy == null) {
      return engine.kind().equals("llama.cpp")
          ? Optional.of(PromptWrapping.BEFORE_SERVED_BY.recorded())
          : Optional.empty();
    }
    try {
      return Optional.of(
          new RecordedWrapping(
              ServingEngine.fromId(servedBy),
              settings.get(CUSTOM_TEMPLATE),
              settings.get(SYSTEM_MESSAGE)));
    } catch (IllegalArgumentException unknownEngine) {
      return Optional.empty();
    }
  }

  /** The entries {@link EngineIdentity#settings()} keeps; absent parts are left out. */
  public Map<String, String> settings() {
    var settings = new LinkedHashMap<String, String>();
    settings.put(SERVED_BY, servedBy.id());
    if (!customTemplate.isEmpty()) {
      settings.put(CUSTOM_TEMPLATE, customTemplate);
    }
    if (!systemMessage.isEmpty()) {
      settings.put(SYSTEM_MESSAGE, systemMessage);
    }
    return settings;
  }

  /**
   * e.g. {@code ollama}, or {@code vllm with template router.jinja sha256:… and a system message}.
   */
  public String summary() {
    var summary = new StringBuilder(servedBy.id());
    if (!customTemplate.isEmpty()) {
      summary.append(" with template ").append(customTemplate);
    }
    if (!systemMessage.isEmpty()) {
      summary.append(customTemplate.isEmpty() ? " with" : " and").append(" a system message");
    }
    return summary.toString();
  }
}
