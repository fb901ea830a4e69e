package io.routebench.app.routing;

import io.routebench.core.routing.RoutingException;
import io.routebench.inference.remote.PlanoListenerSettings;
import io.routebench.inference.remote.PlanoRouteSelector;
import java.util.List;

/**
 * Connects the workbench to a running plano. plano is asked for the models it declares first, so
 * that a wrong address, or a server that is not plano, is said at once, not at the first message
 * typed.
 */
final class PlanoConnector {

  private PlanoConnector() {}

  static LocalRouter.Loaded connect(PlanoListenerSettings listener) {
    PlanoRouteSelector selector;
    try {
      selector = new PlanoRouteSelector(listener);
    } catch (IllegalArgumentException badUrl) {
      throw new RoutingException(badUrl.getMessage(), badUrl);
    }
    List<String> declared;
    try {
      declared = selector.connect();
    } catch (RuntimeException e) {
      selector.close();
      throw e;
    }
    String description =
        "plano at "
            + selector.listener()
            + " · decides through its routing API with its own router model and prompt"
            + " (plano-v1) · "
            + declaredText(declared);
    List<String> warnings =
        declared.isEmpty()
            ? List.of(
                "plano lists no models (GET /v1/models): routes to undeclared models cannot be"
                    + " told apart")
            : List.of();
    return new LocalRouter.Loaded(
        new RouterSource.Plano(listener), selector, description, warnings);
  }

  static String declaredText(List<String> declared) {
    return declared.isEmpty()
        ? "declares no models"
        : declared.size() == 1
            ? "declares 1 model, " + declared.get(0)
            : "declares " + declared.size() + " models (" + String.join(", ", declared) + ")";
  }
}
