package io.routebench.app.settings;

import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.util.Objects;

/**
 * A remote router the user connected to, remembered to offer it again. Never holds an API key: only
 * the name of the environment variable that does.
 *
 * @param apiKeyEnvironmentVariable {@code ""} when the server needs no key
 * @param parallelRequests how many requests a suite run keeps in flight against it
 */
public record RouterEndpoint(
    String baseUrl, String model, String apiKeyEnvironmentVariable, int parallelRequests) {

  public RouterEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    apiKeyEnvironmentVariable = apiKeyEnvironmentVariable == null ? "" : apiKeyEnvironmentVariable;
    if (parallelRequests < 1 || parallelRequests > OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS) {
      parallelRequests = OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS;
    }
  }

  /** With the default number of requests in flight, as {@code routebench test} uses. */
  public RouterEndpoint(String baseUrl, String model, String apiKeyEnvironmentVariable) {
    this(
        baseUrl,
        model,
        apiKeyEnvironmentVariable,
        OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS);
  }
}
