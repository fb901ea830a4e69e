package io.routebench.core.routing;

import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import java.util.Optional;

/**
 * A router answer resolved against the workspace: the policy it chose (if any) and the model the
 * proxy would send the request to.
 *
 * @param policy the matched policy, or {@code null} unless {@link DecisionOutcome#MATCHED}
 * @param target the model the request goes to, or {@code null} when the workspace has no default or
 *     the proxy fails the request ({@link DecisionOutcome#PROXY_ERROR})
 */
public record RouteDecision(
    RouterAnswer answer, DecisionOutcome outcome, RoutingPolicy policy, ModelTarget target) {

  /**
   * The route to compare with an expectation: the policy's name, {@link RouteNames#PROXY_ERROR}
   * when the request fails, else {@code other}.
   */
  public String effectiveRoute() {
    return switch (outcome) {
      case MATCHED -> policy.routeName();
      case PROXY_ERROR -> RouteNames.PROXY_ERROR;
      case OTHER, EMPTY, UNKNOWN -> RouteNames.OTHER;
    };
  }

  public Optional<ModelTarget> targetModel() {
    return Optional.ofNullable(target);
  }
}
