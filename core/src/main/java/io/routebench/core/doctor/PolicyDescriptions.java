package io.routebench.core.doctor;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.Optional;

/** Reads and replaces a policy's description by its route name. */
public final class PolicyDescriptions {

  private PolicyDescriptions() {}

  /** The description of the policy with {@code routeName}, if the document has that policy. */
  public static Optional<String> of(PolicyDocument document, String routeName) {
    return document.taxonomy().policyByRouteName(routeName).map(RoutingPolicy::description);
  }

  /**
   * The document with the description of {@code routeName}'s node replaced: the action's, or the
   * domain's for a domain-level route.
   *
   * @throws IllegalArgumentException when no policy has that route name
   */
  public static PolicyDocument with(PolicyDocument document, String routeName, String description) {
    RoutingPolicy policy =
        document
            .taxonomy()
            .policyByRouteName(routeName)
            .orElseThrow(() -> new IllegalArgumentException("no policy routes to " + routeName));
    var domains = new ArrayList<Domain>();
    for (Domain domain : document.taxonomy().domains()) {
      if (!domain.id().equals(policy.domainId())) {
        domains.add(domain);
      } else if (policy.actionId() == null) {
        domains.add(domain.withDescription(description));
      } else {
        var actions = new ArrayList<Action>();
        for (Action action : domain.actions()) {
          actions.add(
              action.id().equals(policy.actionId()) ? action.withDescription(description) : action);
        }
        domains.add(domain.withActions(actions));
      }
    }
    return document.withTaxonomy(new Taxonomy(domains));
  }
}
