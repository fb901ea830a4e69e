package io.routebench.app.taxonomy;

import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The taxonomy editor: the tree, and the selected node's details beside it (on the taxonomy tab) or
 * under it (beside the playtest's conversation, so that a description edited there re-routes the
 * conversation while the user watches).
 */
public final class TaxonomyView {

  static final KeyCombination FILTER =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

  private final SplitPane root;
  private final EventHandler<KeyEvent> filterKey = this::onFilterKey;
  private final TaxonomyViewModel taxonomy;
  private final TaxonomyTree tree;
  private final NodeDetailsForm form;

  /** The divider position of the layout not shown now. */
  private double otherLayoutDivider = 0.45;

  /**
   * @param fieldLeft called when a text field of the details form loses focus
   */
  public TaxonomyView(
      TaxonomyViewModel taxonomy, NodeDetailsViewModel details, Runnable fieldLeft) {
    this.taxonomy = taxonomy;
    tree =
        new TaxonomyTree(taxonomy, new TaxonomyTree.AddCommands(this::addDomain, this::addAction));
    form = new NodeDetailsForm(details, fieldLeft);
    root = new SplitPane(tree.root(), form.root());
    root.setDividerPositions(0.32);
    SplitPane.setResizableWithParent(tree.root(), false);
    // On the scene, so that Ctrl+F works wherever the focus is while the tree is on screen.
    root.sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, filterKey);
              }
              if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, filterKey);
              }
            });
  }

  private void onFilterKey(KeyEvent event) {
    if (FILTER.match(event) && isShown(root)) {
      tree.focusFilter();
      event.consume();
    }
  }

  /** Whether the node is on screen: a tab that is not selected hides its content. */
  private static boolean isShown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  public SplitPane root() {
    return root;
  }

  /**
   * Puts the details beside the tree ({@code HORIZONTAL}) or under it; the divider of each layout
   * is kept for when it comes back.
   */
  public void layOut(Orientation orientation) {
    if (root.getOrientation() == orientation) {
      return;
    }
    double[] shown = root.getDividerPositions();
    root.setOrientation(orientation);
    root.setDividerPositions(otherLayoutDivider);
    otherLayoutDivider = shown.length > 0 ? shown[0] : otherLayoutDivider;
  }

  /** Adds a domain and puts the cursor in its name, ready to type over "New domain". */
  public void addDomain() {
    taxonomy.addDomain();
    form.editName();
  }

  /** Adds an action (when there is a domain for it) and puts the cursor in its name. */
  public void addAction() {
    if (taxonomy.addAction().isPresent()) {
      form.editName();
    }
  }

  /** Moves keyboard focus to the tree, e.g. after an issue was clicked. */
  public void focusTree() {
    tree.treeView().requestFocus();
  }
}
