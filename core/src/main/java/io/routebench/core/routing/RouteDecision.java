package io.routebench.core.routing;

import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import java.util.Optional;

/**
 * A router answer resolved against the workspace: the policy it chose (if any) and the model the
 * proxy would send the request to.
 *
 * @param policy the matched policy, or {@code null} unless {@link DecisionOutcome#MATCHED}
 * @param target the model the request goes to, or {@code null} when the workspace has no default
 */
public record RouteDecision(
    RouterAnswer answer, DecisionOutcome outcome, RoutingPolicy policy, ModelTarget target) {

  /** The route to compare with an expectation: the policy's name, else {@code other}. */
  public String effectiveRoute() {
    return outcome == DecisionOutcome.MATCHED ? policy.routeName() : RouteNames.OTHER;
  }

  public Optional<ModelTarget> targetModel() {
    return Optional.ofNullable(target);
  }
}
