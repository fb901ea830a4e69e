package io.routebench.app.cli;

import io.routebench.core.routing.RouteSelector;
import io.routebench.inference.remote.OpenAiEndpointRouteSelector;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.PlanoListenerSettings;
import io.routebench.inference.remote.PlanoRouteSelector;
import java.time.Duration;

/**
 * Opens a remote router; its API key is read from the environment variable named, never an
 * argument.
 */
final class RemoteEngines {

  private RemoteEngines() {}

  static RouteSelector open(
      String endpoint, String model, String apiKeyEnv, int timeoutSeconds, int parallel) {
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
    return new OpenAiEndpointRouteSelector(settings);
  }

  /** A running plano, connected: a wrong address says so before the first turn is asked. */
  static PlanoRouteSelector openPlano(String listener, int timeoutSeconds, int parallel) {
    PlanoRouteSelector selector;
    try {
      selector =
          new PlanoRouteSelector(
              new PlanoListenerSettings(
                  listener,
                  OpenAiEndpointSettings.DEFAULT_CONNECT_TIMEOUT,
                  Duration.ofSeconds(timeoutSeconds),
                  parallel));
    } catch (IllegalArgumentException badUrl) {
      throw new CliFailure("--plano: " + badUrl.getMessage(), 2);
    }
    try {
      selector.connect();
    } catch (RuntimeException e) {
      selector.close();
      throw e;
    }
    return selector;
  }
}
