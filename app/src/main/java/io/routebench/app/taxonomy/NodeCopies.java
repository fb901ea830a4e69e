package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts copies of domains and actions into a document (duplicate and paste). Every copy gets fresh
 * ids, and a name that no other node or route has ("debugging (copy)", "debugging (copy 2)"): route
 * names must be unique, and ids tie runs and history to one node.
 */
final class NodeCopies {

  private static final Pattern COPY_SUFFIX = Pattern.compile("^(.*) \\(copy(?: \\d+)?\\)$");

  /** The document with the copies in it, and the first copy (which the tree selects). */
  record Pasted(PolicyDocument document, NodeRef first) {}

  private NodeCopies() {}

  /**
   * Places the clip relative to {@code target}: actions go after a target action or at the end of a
   * target domain (with no target: at the end of the last domain); domains go after the target's
   * domain (with no target: at the end).
   *
   * @throws IllegalArgumentException when actions are pasted into a taxonomy without domains
   */
  static Pasted paste(
      PolicyDocument document, NodeClip clip, NodeRef target, Supplier<String> ids) {
    Taxonomy taxonomy = document.taxonomy();
    Optional<NodeLocation> at =
        target == null ? Optional.empty() : NodeLocation.of(taxonomy, target);
    Set<String> taken = takenNames(taxonomy);
    if (clip.actions()) {
      if (taxonomy.domains().isEmpty()) {
        throw new IllegalArgumentException("an action is pasted into a domain: add a domain first");
      }
      Domain domain = at.map(l -> l.domainIn(taxonomy)).orElse(taxonomy.domains().getLast());
      int index =
          at.filter(NodeLocation::isAction)
              .map(l -> l.actionIndex() + 1)
              .orElse(domain.actions().size());
      PolicyDocument result = document;
      NodeRef first = null;
      for (Action action : clip.domains().get(0).actions()) {
        Action copy = copy(action, taken, ids);
        result = TaxonomyEdits.insertAction(result, domain.id(), index++, copy);
        first = first == null ? NodeRef.action(copy.id()) : first;
      }
      return new Pasted(result, first);
    }
    int index = at.map(l -> l.domainIndex() + 1).orElse(taxonomy.domains().size());
    PolicyDocument result = document;
    NodeRef first = null;
    for (Domain domain : clip.domains()) {
      Domain copy = copy(domain, taken, ids);
      result = TaxonomyEdits.insertDomain(result, index++, copy);
      first = first == null ? NodeRef.domain(copy.id()) : first;
    }
    return new Pasted(result, first);
  }

  /**
   * {@code name} when no node or route has it yet, else "name (copy)", "name (copy 2)", … (a copy
   * of a copy counts on from the original's name rather than stacking suffixes).
   */
  static String copyName(String name, Set<String> taken) {
    if (name.isBlank() || !taken.contains(name)) {
      return name;
    }
    Matcher suffix = COPY_SUFFIX.matcher(name);
    String base = suffix.matches() ? suffix.group(1) : name;
    String candidate = base + " (copy)";
    for (int n = 2; taken.contains(candidate); n++) {
      candidate = base + " (copy " + n + ")";
    }
    return candidate;
  }

  private static Domain copy(Domain domain, Set<String> taken, Supplier<String> ids) {
    String name = claim(copyName(domain.name(), taken), taken);
    PolicySettings coarse =
        domain.coarsePolicy() == null ? null : copy(domain.coarsePolicy(), taken);
    var actions = new ArrayList<Action>();
    for (Action action : domain.actions()) {
      actions.add(copy(action, taken, ids));
    }
    return new Domain(ids.get(), name, domain.description(), coarse, actions);
  }

  private static Action copy(Action action, Set<String> taken, Supplier<String> ids) {
    String name = claim(copyName(action.name(), taken), taken);
    return new Action(ids.get(), name, action.description(), copy(action.policy(), taken));
  }

  /** A route name of its own stays one: it would clash with the original's otherwise. */
  private static PolicySettings copy(PolicySettings settings, Set<String> taken) {
    String override = settings.routeNameOverride();
    return override == null
        ? settings
        : settings.withRouteNameOverride(claim(copyName(override, taken), taken));
  }

  private static String claim(String name, Set<String> taken) {
    taken.add(name);
    return name;
  }

  /** Node names and route names: a copy's name becomes its route name unless overridden. */
  private static Set<String> takenNames(Taxonomy taxonomy) {
    var taken = new HashSet<String>(taxonomy.routeNames());
    for (Domain domain : taxonomy.domains()) {
      taken.add(domain.name());
      domain.actions().forEach(action -> taken.add(action.name()));
    }
    return taken;
  }
}
