package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a node sits in a taxonomy: its domain's index and, for an action, the action's index in
 * that domain ({@code -1} for a domain).
 */
public record NodeLocation(int domainIndex, int actionIndex) {

  private static final Pattern PATH =
      Pattern.compile("^domains\\[(\\d+)](?:\\.actions\\[(\\d+)])?(?:[.\\[].*)?$");

  public boolean isAction() {
    return actionIndex >= 0;
  }

  public static Optional<NodeLocation> of(Taxonomy taxonomy, NodeRef node) {
    for (int d = 0; d < taxonomy.domains().size(); d++) {
      Domain domain = taxonomy.domains().get(d);
      if (node instanceof NodeRef.DomainRef && domain.id().equals(node.id())) {
        return Optional.of(new NodeLocation(d, -1));
      }
      if (node instanceof NodeRef.ActionRef) {
        for (int a = 0; a < domain.actions().size(); a++) {
          if (domain.actions().get(a).id().equals(node.id())) {
            return Optional.of(new NodeLocation(d, a));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The node a validation path points into ({@code domains[1].actions[0].route} → action 0 of
   * domain 1), if that node exists.
   */
  public static Optional<NodeRef> nodeAtPath(Taxonomy taxonomy, String path) {
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int d = Integer.parseInt(matcher.group(1));
    if (d >= taxonomy.domains().size()) {
      return Optional.empty();
    }
    Domain domain = taxonomy.domains().get(d);
    if (matcher.group(2) == null) {
      return Optional.of(NodeRef.domain(domain.id()));
    }
    int a = Integer.parseInt(matcher.group(2));
    if (a >= domain.actions().size()) {
      return Optional.of(NodeRef.domain(domain.id()));
    }
    Action action = domain.actions().get(a);
    return Optional.of(NodeRef.action(action.id()));
  }

  public Domain domainIn(Taxonomy taxonomy) {
    return taxonomy.domains().get(domainIndex);
  }

  /** The action at this location; only for action locations. */
  public Action actionIn(Taxonomy taxonomy) {
    return domainIn(taxonomy).actions().get(actionIndex);
  }
}
