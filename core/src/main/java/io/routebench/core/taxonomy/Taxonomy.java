package io.routebench.core.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ordered Domain → Action tree the user authors; its order is the order routes are sent in. */
public record Taxonomy(List<Domain> domains) {

  public static final Taxonomy EMPTY = new Taxonomy(List.of());

  public Taxonomy {
    domains = List.copyOf(domains);
  }

  /** Every routing policy in taxonomy order: a domain's coarse policy first, then its actions. */
  public List<RoutingPolicy> policies() {
    var policies = new ArrayList<RoutingPolicy>();
    for (int d = 0; d < domains.size(); d++) {
      Domain domain = domains.get(d);
      if (domain.coarsePolicy() != null) {
        policies.add(
            toPolicy(
                "domains[" + d + "]",
                domain.id(),
                null,
                domain.name(),
                domain.description(),
                domain.coarsePolicy()));
      }
      for (int a = 0; a < domain.actions().size(); a++) {
        Action action = domain.actions().get(a);
        policies.add(
            toPolicy(
                "domains[" + d + "].actions[" + a + "]",
                domain.id(),
                action.id(),
                action.name(),
                action.description(),
                action.policy()));
      }
    }
    return List.copyOf(policies);
  }

  /** The route names in taxonomy order. */
  public List<String> routeNames() {
    return policies().stream().map(RoutingPolicy::routeName).toList();
  }

  public Optional<RoutingPolicy> policyByRouteName(String routeName) {
    return policies().stream().filter(p -> p.routeName().equals(routeName)).findFirst();
  }

  public Optional<Domain> domainById(String id) {
    return domains.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * The route name a node answers with when the user has not overridden it: the action's name for a
   * fine policy, the domain's name for a coarse one.
   */
  public static String derivedRouteName(String nodeName, PolicySettings settings) {
    String override = settings.routeNameOverride();
    return override != null ? override : nodeName;
  }

  private static RoutingPolicy toPolicy(
      String path,
      String domainId,
      String actionId,
      String nodeName,
      String description,
      PolicySettings settings) {
    return new RoutingPolicy(
        path,
        domainId,
        actionId,
        derivedRouteName(nodeName, settings),
        description,
        settings.targetModel(),
        settings.fallbackModels(),
        settings.preference());
  }
}
