package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.RoutingPolicy;

/**
 * The policy a routing decision chose, as the tree finds it.
 *
 * @param actionId {@code null} when the route is the domain's own
 */
public record RoutedNode(String domainId, String actionId) {

  /** The node of {@code policy}, the policy a decision chose. */
  public static RoutedNode of(RoutingPolicy policy) {
    return new RoutedNode(policy.domainId(), policy.actionId());
  }

  /** Whether {@code row} is the chosen node itself (not merely its domain). */
  boolean isChosen(TreeRow row) {
    return row.isDomain()
        ? actionId == null && row.node().id().equals(domainId)
        : row.node().id().equals(actionId);
  }

  /** Whether {@code row} is the domain of a chosen action. */
  boolean isDomainOfChosen(TreeRow row) {
    return actionId != null && row.isDomain() && row.node().id().equals(domainId);
  }
}
