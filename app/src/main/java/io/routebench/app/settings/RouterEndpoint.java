package io.routebench.app.settings;

import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.util.Objects;

/**
 * A remote router the user connected to, remembered to offer it again. Never holds an API key: only
 * the name of the environment variable that does.
 *
 * @param model the model a router model server serves; kept when plano was chosen, to offer it
 *     again for a server
 * @param apiKeyEnvironmentVariable {@code ""} when the server needs no key
 * @param plano whether {@code baseUrl} is a plano listener (asked through its routing API) rather
 *     than a server of the router model
 * @param parallelRequests how many requests a suite run keeps in flight against it
 */
public record RouterEndpoint(
    String baseUrl,
    String model,
    String apiKeyEnvironmentVariable,
    boolean plano,
    int parallelRequests) {

  public RouterEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    apiKeyEnvironmentVariable = apiKeyEnvironmentVariable == null ? "" : apiKeyEnvironmentVariable;
    if (parallelRequests < 1 || parallelRequests > OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS) {
      parallelRequests = OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS;
    }
  }

  /**
   * A server of the router model, with the default requests in flight ({@code routebench test}'s).
   */
  public RouterEndpoint(String baseUrl, String model, String apiKeyEnvironmentVariable) {
    this(baseUrl, model, apiKeyEnvironmentVariable, false);
  }

  /** With the default number of requests in flight. */
  public RouterEndpoint(
      String baseUrl, String model, String apiKeyEnvironmentVariable, boolean plano) {
    this(
        baseUrl,
        model,
        apiKeyEnvironmentVariable,
        plano,
        OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS);
  }

  /** A server of the router model. */
  public RouterEndpoint(
      String baseUrl, String model, String apiKeyEnvironmentVariable, int parallelRequests) {
    this(baseUrl, model, apiKeyEnvironmentVariable, false, parallelRequests);
  }
}
