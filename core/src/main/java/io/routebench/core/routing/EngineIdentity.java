package io.routebench.core.routing;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What answered a run, so two runs can be compared knowingly.
 *
 * @param kind e.g. {@code llama.cpp} or {@code openai-endpoint}
 * @param model the model file name (local) or model id / URL (remote)
 * @param modelSha256 hex SHA-256 of the model file, or {@code ""} when not applicable
 * @param settings engine settings that influence answers (threads, context, profile, ...)
 */
public record EngineIdentity(
    String kind,
    String model,
    String modelSha256,
    PromptProfile profile,
    Map<String, String> settings) {

  public EngineIdentity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(model, "model");
    modelSha256 = modelSha256 == null ? "" : modelSha256;
    Objects.requireNonNull(profile, "profile");
    settings = Map.copyOf(new TreeMap<>(settings));
  }
}
