package io.routebench.app.settings;

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
 */
public record RouterEndpoint(
    String baseUrl, String model, String apiKeyEnvironmentVariable, boolean plano) {

  public RouterEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    apiKeyEnvironmentVariable = apiKeyEnvironmentVariable == null ? "" : apiKeyEnvironmentVariable;
  }

  /** A server of the router model. */
  public RouterEndpoint(String baseUrl, String model, String apiKeyEnvironmentVariable) {
    this(baseUrl, model, apiKeyEnvironmentVariable, false);
  }
}
