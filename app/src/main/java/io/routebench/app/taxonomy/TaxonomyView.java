package io.routebench.app.taxonomy;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;

/**
 * The taxonomy editor: the tree, and the selected node's details beside it (on the taxonomy tab) or
 * under it (beside the playtest's conversation, so that a description edited there re-routes the
 * conversation while the user watches).
 */
public final class TaxonomyView {

  private final SplitPane root;
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
