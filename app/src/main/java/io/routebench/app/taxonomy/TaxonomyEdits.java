package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The structural edits the taxonomy tree offers, as pure functions from one document to the next.
 * An edit that names a node which no longer exists returns the document unchanged.
 */
final class TaxonomyEdits {

  private TaxonomyEdits() {}

  static PolicyDocument insertDomain(PolicyDocument document, int index, Domain domain) {
    var domains = new ArrayList<>(document.taxonomy().domains());
    domains.add(clamp(index, 0, domains.size()), domain);
    return withDomains(document, domains);
  }

  static PolicyDocument insertAction(
      PolicyDocument document, String domainId, int index, Action action) {
    return updateDomain(
        document,
        domainId,
        domain -> {
          var actions = new ArrayList<>(domain.actions());
          actions.add(clamp(index, 0, actions.size()), action);
          return domain.withActions(actions);
        });
  }

  static PolicyDocument remove(PolicyDocument document, NodeRef node) {
    return NodeLocation.of(document.taxonomy(), node)
        .map(
            location -> {
              var domains = new ArrayList<>(document.taxonomy().domains());
              if (!location.isAction()) {
                domains.remove(location.domainIndex());
              } else {
                Domain domain = domains.get(location.domainIndex());
                var actions = new ArrayList<>(domain.actions());
                actions.remove(location.actionIndex());
                domains.set(location.domainIndex(), domain.withActions(actions));
              }
              return withDomains(document, domains);
            })
        .orElse(document);
  }

  /** Moves a node among its siblings by {@code delta} places (−1 up, +1 down). */
  static PolicyDocument moveAmongSiblings(PolicyDocument document, NodeRef node, int delta) {
    return NodeLocation.of(document.taxonomy(), node)
        .map(
            location -> {
              var domains = new ArrayList<>(document.taxonomy().domains());
              if (!location.isAction()) {
                int target = location.domainIndex() + delta;
                if (target < 0 || target >= domains.size()) {
                  return document;
                }
                domains.add(target, domains.remove(location.domainIndex()));
                return withDomains(document, domains);
              }
              Domain domain = domains.get(location.domainIndex());
              var actions = new ArrayList<>(domain.actions());
              int target = location.actionIndex() + delta;
              if (target < 0 || target >= actions.size()) {
                return document;
              }
              actions.add(target, actions.remove(location.actionIndex()));
              domains.set(location.domainIndex(), domain.withActions(actions));
              return withDomains(document, domains);
            })
        .orElse(document);
  }

  /** Moves a domain to {@code index} in the list as it is after the domain was taken out. */
  static PolicyDocument moveDomainTo(PolicyDocument document, String domainId, int index) {
    return NodeLocation.of(document.taxonomy(), NodeRef.domain(domainId))
        .map(
            location -> {
              var domains = new ArrayList<>(document.taxonomy().domains());
              Domain moved = domains.remove(location.domainIndex());
              domains.add(clamp(index, 0, domains.size()), moved);
              return withDomains(document, domains);
            })
        .orElse(document);
  }

  /**
   * Moves an action into domain {@code toDomainId} at {@code index} (counted after the action was
   * taken out), possibly across domains.
   */
  static PolicyDocument moveActionTo(
      PolicyDocument document, String actionId, String toDomainId, int index) {
    Taxonomy taxonomy = document.taxonomy();
    var from = NodeLocation.of(taxonomy, NodeRef.action(actionId));
    var to = NodeLocation.of(taxonomy, NodeRef.domain(toDomainId));
    if (from.isEmpty() || to.isEmpty()) {
      return document;
    }
    Action moved = from.get().actionIn(taxonomy);
    PolicyDocument without = remove(document, NodeRef.action(actionId));
    return insertAction(without, toDomainId, index, moved);
  }

  static PolicyDocument updateDomain(
      PolicyDocument document, String domainId, UnaryOperator<Domain> change) {
    var domains = new ArrayList<>(document.taxonomy().domains());
    for (int d = 0; d < domains.size(); d++) {
      if (domains.get(d).id().equals(domainId)) {
        domains.set(d, change.apply(domains.get(d)));
        return withDomains(document, domains);
      }
    }
    return document;
  }

  static PolicyDocument updateAction(
      PolicyDocument document, String actionId, UnaryOperator<Action> change) {
    return NodeLocation.of(document.taxonomy(), NodeRef.action(actionId))
        .map(
            location ->
                updateDomain(
                    document,
                    location.domainIn(document.taxonomy()).id(),
                    domain -> {
                      var actions = new ArrayList<>(domain.actions());
                      actions.set(
                          location.actionIndex(),
                          change.apply(actions.get(location.actionIndex())));
                      return domain.withActions(actions);
                    }))
        .orElse(document);
  }

  /** {@code base}, or {@code base 2}, {@code base 3}, … whichever is not in {@code taken}. */
  static String uniqueName(String base, List<String> taken) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String candidate = base + " " + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static PolicyDocument withDomains(PolicyDocument document, List<Domain> domains) {
    return document.withTaxonomy(new Taxonomy(domains));
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
