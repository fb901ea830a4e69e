package io.routebench.core.routing;

import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The one order in which a workspace's routes are listed: in the router prompt (playtest, runs,
 * {@code routebench prompt} and {@code route}) and in every exported config.
 *
 * <p>An archgw config nests each route under the provider it targets, so the proxy reads them
 * grouped by target. The prompt must list them the same way, or the decision shown here is made on
 * a different prompt than production's. So the rule is: routes grouped by target, targets in the
 * order of the Targets tab, and within a target in taxonomy order; routes whose target is missing
 * or undeclared (which an export leaves out) come last, in taxonomy order. plano's top-level list
 * is written in this order too, so both dialects agree.
 */
public final class RouteOrder {

  /** The rule in words, for the places that show the order to the user. */
  public static final String RULE =
      "grouped by target model (in the order of the Targets tab), then in taxonomy order; routes"
          + " without a declared target last";

  private RouteOrder() {}

  public static List<RoutingPolicy> of(PolicyDocument document) {
    List<RoutingPolicy> taxonomyOrder = document.taxonomy().policies();
    // Grouped in one pass: looking up each target's routes by scanning them all took seconds for
    // twenty thousand routes and two hundred targets.
    var byTarget = new HashMap<String, List<RoutingPolicy>>();
    for (RoutingPolicy policy : taxonomyOrder) {
      if (policy.targetModel() != null) {
        byTarget.computeIfAbsent(policy.targetModel(), model -> new ArrayList<>()).add(policy);
      }
    }
    var ordered = new LinkedHashSet<RoutingPolicy>(taxonomyOrder.size() * 2);
    for (ModelTarget target : document.targets()) {
      ordered.addAll(byTarget.getOrDefault(target.model(), List.of()));
    }
    ordered.addAll(taxonomyOrder);
    return new ArrayList<>(ordered);
  }

  /** The route names in this order. */
  public static List<String> routeNames(PolicyDocument document) {
    return of(document).stream().map(RoutingPolicy::routeName).toList();
  }
}
