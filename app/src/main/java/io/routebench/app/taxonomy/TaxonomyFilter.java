package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tree's filter: the domains and actions whose name or description contains the text (case
 * ignored), with the domain of every matching action kept so the action still has its place. A
 * matching domain keeps all its actions: they are what the domain is about.
 */
final class TaxonomyFilter {

  private final String needle;

  /**
   * @param text what the user typed; blank shows everything
   */
  TaxonomyFilter(String text) {
    this.needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }

  boolean isActive() {
    return !needle.isEmpty();
  }

  /** The part of {@code taxonomy} the tree shows. */
  Taxonomy apply(Taxonomy taxonomy) {
    if (!isActive()) {
      return taxonomy;
    }
    var domains = new ArrayList<Domain>();
    for (Domain domain : taxonomy.domains()) {
      if (matches(domain)) {
        domains.add(domain);
        continue;
      }
      List<Action> actions = domain.actions().stream().filter(this::matches).toList();
      if (!actions.isEmpty()) {
        domains.add(domain.withActions(actions));
      }
    }
    return new Taxonomy(domains);
  }

  boolean matches(Domain domain) {
    return isActive() && contains(domain.name(), domain.description());
  }

  boolean matches(Action action) {
    return isActive() && contains(action.name(), action.description());
  }

  private boolean contains(String name, String description) {
    return name.toLowerCase(Locale.ROOT).contains(needle)
        || description.toLowerCase(Locale.ROOT).contains(needle);
  }
}
