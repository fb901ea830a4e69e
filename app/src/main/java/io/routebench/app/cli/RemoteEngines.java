package io.routebench.app.cli;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteSelector;
import io.routebench.inference.remote.OpenAiEndpointRouteSelector;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.time.Duration;

/**
 * Opens a remote router; its API key is read from the environment variable named, never an
 * argument.
 */
final class RemoteEngines {

  private RemoteEngines() {}

  static RouteSelector open(
      String endpoint,
      String model,
      String apiKeyEnv,
      int timeoutSeconds,
      int parallel,
      PromptProfile profile) {
    if (apiKeyEnv != null) {
      String variable = apiKeyEnv.startsWith("$") ? apiKeyEnv.substring(1) : apiKeyEnv;
      String key = System.getenv(variable);
      if (key == null || key.isEmpty()) {
        throw CliFailure.usage("environment variable " + variable + " is not set");
      }
    }
    var settings =
        new OpenAiEndpointSettings(
            endpoint,
            model,
            apiKeyEnv,
            OpenAiEndpointSettings.DEFAULT_CONNECT_TIMEOUT,
            Duration.ofSeconds(timeoutSeconds),
            parallel);
    return new OpenAiEndpointRouteSelector(settings, profile);
  }
}
