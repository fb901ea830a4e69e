package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;

/**
 * The taxonomy tree's items, kept in step with a taxonomy. Items are reused by id, so that a
 * domain's expansion and the tree's scrolling survive edits; a row's value is replaced only when
 * what it shows has changed, and a parent's children only when they are others, so that the tree
 * does no more than the edit needs.
 */
final class TaxonomyTreeItems {

  private final TreeItem<TreeRow> root;
  private final Map<String, TreeItem<TreeRow>> domainItems = new HashMap<>();

  /** Keyed by domain id and action id, see {@link #show}. */
  private final Map<String, TreeItem<TreeRow>> actionItems = new HashMap<>();

  private final Map<String, TreeItem<TreeRow>> actionItemsById = new HashMap<>();

  /**
   * @param root the tree's hidden root, whose children are the domains
   */
  TaxonomyTreeItems(TreeItem<TreeRow> root) {
    this.root = root;
  }

  /**
   * Makes the items show {@code all}, as much of it as {@code filter} lets through, each node with
   * its problems from {@code marks}.
   */
  void show(Taxonomy all, TaxonomyFilter filter, Map<NodeRef, NodeMark> marks) {
    Taxonomy taxonomy = filter.apply(all);
    var domains = new ArrayList<TreeItem<TreeRow>>();
    var liveDomains = new HashMap<String, TreeItem<TreeRow>>();
    var liveActions = new HashMap<String, TreeItem<TreeRow>>();
    for (Domain domain : taxonomy.domains()) {
      TreeItem<TreeRow> domainItem = reuse(domainItems, domain.id(), true);
      NodeRef domainRef = NodeRef.domain(domain.id());
      update(
          domainItem,
          new TreeRow(
              domainRef,
              domain.name(),
              domain.isCoarsePolicy(),
              domain.isCoarsePolicy() ? badge(domain.coarsePolicy().targetModel()) : null,
              domainMark(all, domainRef, marks),
              filter.matches(domain)));
      if (filter.isActive()) {
        // A match inside a collapsed domain would be filtered in and still not seen.
        domainItem.setExpanded(true);
      }
      var actions = new ArrayList<TreeItem<TreeRow>>();
      for (Action action : domain.actions()) {
        // Keyed by domain too: an item moved to another parent is made anew, because JavaFX
        // would unlink it from the new parent when the old one drops it.
        String key = domain.id() + "/" + action.id();
        TreeItem<TreeRow> actionItem = reuse(actionItems, key, false);
        NodeRef actionRef = NodeRef.action(action.id());
        update(
            actionItem,
            new TreeRow(
                actionRef,
                action.name(),
                false,
                badge(action.policy().targetModel()),
                marks.get(actionRef),
                filter.matches(action)));
        actions.add(actionItem);
        liveActions.put(key, actionItem);
      }
      replaceChildren(domainItem, actions);
      domains.add(domainItem);
      liveDomains.put(domain.id(), domainItem);
    }
    replaceChildren(root, domains);
    domainItems.keySet().retainAll(liveDomains.keySet());
    actionItems.keySet().retainAll(liveActions.keySet());
    domainItems.putAll(liveDomains);
    actionItems.putAll(liveActions);
    actionItemsById.clear();
    liveActions.values().forEach(item -> actionItemsById.put(item.getValue().node().id(), item));
  }

  /** Whether no domain is shown: the taxonomy has none, or the filter let none through. */
  boolean isEmpty() {
    return root.getChildren().isEmpty();
  }

  /** The item showing {@code node}, or {@code null} when it is not shown. */
  TreeItem<TreeRow> find(NodeRef node) {
    return node instanceof NodeRef.DomainRef
        ? domainItems.get(node.id())
        : actionItemsById.get(node.id());
  }

  /** The item of the node a decision chose, or {@code null} when it is not shown. */
  TreeItem<TreeRow> find(RoutedNode routed) {
    return routed.actionId() != null
        ? actionItemsById.get(routed.actionId())
        : domainItems.get(routed.domainId());
  }

  /** Whether each shown domain is expanded, by domain id. */
  Map<String, Boolean> domainExpansion() {
    var expansion = new HashMap<String, Boolean>();
    domainItems.forEach((id, item) -> expansion.put(id, item.isExpanded()));
    return expansion;
  }

  /** Expands or collapses the domains in {@code expansion} that are still shown. */
  void restoreExpansion(Map<String, Boolean> expansion) {
    expansion.forEach(
        (id, expanded) -> {
          TreeItem<TreeRow> item = domainItems.get(id);
          if (item != null) {
            item.setExpanded(expanded);
          }
        });
  }

  /** The domain's problems and those of all its actions, hidden by the filter or not. */
  private static NodeMark domainMark(Taxonomy all, NodeRef domain, Map<NodeRef, NodeMark> marks) {
    var problems = new ArrayList<NodeMark>();
    problems.add(marks.get(domain));
    all.domainById(domain.id())
        .ifPresent(d -> d.actions().forEach(a -> problems.add(marks.get(NodeRef.action(a.id())))));
    return NodeMark.combine(problems);
  }

  /** A target model as the tree's badge shows it: without its provider prefix. */
  private static String badge(String targetModel) {
    if (targetModel == null || targetModel.isBlank()) {
      return null;
    }
    int slash = targetModel.indexOf('/');
    return slash >= 0 ? targetModel.substring(slash + 1) : targetModel;
  }

  private static TreeItem<TreeRow> reuse(
      Map<String, TreeItem<TreeRow>> items, String key, boolean expanded) {
    TreeItem<TreeRow> item = items.get(key);
    if (item == null) {
      item = new TreeItem<>();
      item.setExpanded(expanded);
    }
    return item;
  }

  private static void update(TreeItem<TreeRow> item, TreeRow row) {
    if (!row.equals(item.getValue())) {
      item.setValue(row);
    }
  }

  private static void replaceChildren(TreeItem<TreeRow> parent, List<TreeItem<TreeRow>> children) {
    if (!parent.getChildren().equals(children)) {
      parent.getChildren().setAll(children);
    }
  }
}
