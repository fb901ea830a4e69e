package io.routebench.inference.llama;

import de.kherud.llama.InferenceParameters;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Sends a prompt as token ids instead of text.
 *
 * <p>llama.cpp's server accepts {@code "prompt": [ids...]}, but the binding (4.2.0) only exposes
 * {@code setPrompt(String)}. Token ids let the engine evaluate a prompt in chunks with exact
 * boundaries (each chunk is a cancellation checkpoint) and append sampled tokens without
 * re-tokenising text, which could split differently than the model sampled.
 *
 * <p>This is the one place that reaches into the binding's internals (the package-private {@code
 * JsonParameters.parameters} map the request JSON is built from). {@code PromptTokensTest} pins the
 * binding version and the JSON this produces, so an upgrade fails there, loudly, first.
 */
final class PromptTokens {

  private static final Field PARAMETERS = parametersField();

  private PromptTokens() {}

  static InferenceParameters withPromptTokens(
      InferenceParameters parameters, int[] tokens, int count) {
    var json = new StringJoiner(",", "[", "]");
    for (int i = 0; i < count; i++) {
      json.add(Integer.toString(tokens[i]));
    }
    parametersOf(parameters).put("prompt", json.toString());
    return parameters;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> parametersOf(InferenceParameters parameters) {
    try {
      return (Map<String, String>) PARAMETERS.get(parameters);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set prompt tokens on this llama binding version", e);
    }
  }

  private static Field parametersField() {
    try {
      Field field = Class.forName("de.kherud.llama.JsonParameters").getDeclaredField("parameters");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(
          "this de.kherud:llama version has no JsonParameters.parameters map: " + e);
    }
  }
}
