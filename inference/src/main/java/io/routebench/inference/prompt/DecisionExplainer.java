package io.routebench.inference.prompt;

import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;

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
        request.routes().stream().map(RouteOption::name).toList());
  }
}
