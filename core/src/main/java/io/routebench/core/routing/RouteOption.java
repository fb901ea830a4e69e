package io.routebench.core.routing;

import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;

/** A route as the router reads it: name and description, nothing else. */
public record RouteOption(String name, String description) {

  public static RouteOption of(RoutingPolicy policy) {
    return new RouteOption(policy.routeName(), policy.description());
  }

  /** The workspace's routes in prompt order, the one {@link RouteOrder} an export uses too. */
  public static List<RouteOption> allOf(PolicyDocument document) {
    return RouteOrder.of(document).stream().map(RouteOption::of).toList();
  }
}
