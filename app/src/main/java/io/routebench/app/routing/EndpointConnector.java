package io.routebench.app.routing;

import io.routebench.core.routing.RoutingException;
import io.routebench.inference.remote.OpenAiEndpointRouteSelector;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.util.List;

/**
 * Connects the workbench to a router served by an OpenAI-compatible server. The server is asked for
 * its models first, so that a wrong address, a missing key or a model it does not serve is said at
 * once, not at the first message typed.
 */
final class EndpointConnector {

  private EndpointConnector() {}

  static LocalRouter.Loaded connect(OpenAiEndpointSettings endpoint) {
    OpenAiEndpointRouteSelector selector;
    try {
      selector = new OpenAiEndpointRouteSelector(endpoint);
    } catch (IllegalArgumentException badUrl) {
      throw new RoutingException(badUrl.getMessage(), badUrl);
    }
    try {
      List<String> served = selector.listModels();
      if (!served.isEmpty() && !serves(served, endpoint.model())) {
        throw new RoutingException(
            endpoint.baseUrl()
                + " does not serve the model '"
                + endpoint.model()
                + "'; it serves: "
                + String.join(", ", served));
      }
    } catch (RuntimeException e) {
      selector.close();
      throw e;
    }
    String description =
        endpoint.model()
            + " · OpenAI-compatible server at "
            + endpoint.baseUrl()
            + (endpoint.usesApiKey() ? " · key from $" + endpoint.apiKeyEnvironmentVariable() : "");
    return new LocalRouter.Loaded(
        new RouterSource.Endpoint(endpoint), selector, description, List.of());
  }

  /** Ollama answers to "name" for "name:latest", as its CLI does. */
  static boolean serves(List<String> served, String model) {
    return served.contains(model) || served.contains(model + ":latest");
  }
}
