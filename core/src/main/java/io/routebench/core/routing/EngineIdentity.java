package io.routebench.core.routing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What answered a run, so two runs can be compared knowingly.
 *
 * @param kind e.g. {@code llama.cpp} or {@code openai-endpoint}
 * @param model the model file name (local) or model id / URL (remote)
 * @param modelSha256 hex SHA-256 of the model file, or {@code ""} when not applicable
 * @param settings engine settings that influence answers (threads, context, profile, ...), and the
 *     prompt wrapping ({@link RecordedWrapping#settings()})
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

  /** This identity recording {@code wrapping} (replacing any wrapping recorded before). */
  public EngineIdentity withWrapping(RecordedWrapping wrapping) {
    var changed = new TreeMap<>(settingsBesidesWrapping());
    changed.putAll(wrapping.settings());
    return new EngineIdentity(kind, model, modelSha256, profile, changed);
  }

  /** The prompt wrapping the answers were made under, when known (see {@link RecordedWrapping}). */
  public Optional<RecordedWrapping> wrapping() {
    return RecordedWrapping.of(this);
  }

  /** The settings without the wrapping's entries: what the engine itself was run with. */
  public Map<String, String> settingsBesidesWrapping() {
    var rest = new TreeMap<>(settings);
    rest.remove(RecordedWrapping.SERVED_BY);
    rest.remove(RecordedWrapping.CUSTOM_TEMPLATE);
    rest.remove(RecordedWrapping.SYSTEM_MESSAGE);
    return rest;
  }
}
