package io.routebench.app.settings;

import java.util.Objects;

/**
 * A remote router the user connected to, remembered to offer it again. Never holds an API key: only
 * the name of the environment variable that does.
 *
 * @param apiKeyEnvironmentVariable {@code ""} when the server needs no key
 */
public record RouterEndpoint(String baseUrl, String model, String apiKeyEnvironmentVariable) {

  public RouterEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    apiKeyEnvironmentVariable = apiKeyEnvironmentVariable == null ? "" : apiKeyEnvironmentVariable;
  }
}
