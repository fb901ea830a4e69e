package io.routebench.core.routing;

import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.List;

/** A route as the router reads it: name and description, nothing else. */
public record RouteOption(String name, String description) {

  public static RouteOption of(RoutingPolicy policy) {
    return new RouteOption(policy.routeName(), policy.description());
  }

  /** The taxonomy's routes in the order the user sees them, which is the order the prompt lists. */
  public static List<RouteOption> allOf(Taxonomy taxonomy) {
    return taxonomy.policies().stream().map(RouteOption::of).toList();
  }
}
