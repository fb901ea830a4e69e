package io.routebench.inference.prompt;

import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import java.util.Optional;

/**
 * Puts together the {@link DecisionDetails} of a decision: rebuilding the prompt costs
 * microseconds, so decisions need not carry it; the model input comes from the engine, whose chat
 * template was rendered once when the model was loaded.
 */
public final class DecisionExplainer {

  private DecisionExplainer() {}

  /**
   * @param selector the engine that made the decision
   */
  public static DecisionDetails explain(
      RouteRequest request, RouteDecision decision, RouteSelector selector) {
    RouterPrompt prompt = RouterPromptBuilder.build(request);
    return new DecisionDetails(
        decision,
        prompt.text(),
        prompt.segments(),
        selector.modelInput(request).orElse(null),
        routeNames(request),
        selector.identity(request.profile()).wrapping().orElse(null));
  }

  /**
   * @param modelInput what the model read, when the engine can tell (see {@link
   *     RouteSelector#modelInput})
   */
  public static DecisionDetails explain(
      RouteRequest request, RouteDecision decision, Optional<String> modelInput) {
    RouterPrompt prompt = RouterPromptBuilder.build(request);
    return new DecisionDetails(
        decision, prompt.text(), prompt.segments(), modelInput.orElse(null), routeNames(request));
  }

  private static java.util.List<String> routeNames(RouteRequest request) {
    return request.routes().stream().map(RouteOption::name).toList();
  }
}
