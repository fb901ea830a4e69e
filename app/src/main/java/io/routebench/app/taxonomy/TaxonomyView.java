package io.routebench.app.taxonomy;

import javafx.scene.control.SplitPane;

/** The taxonomy tab: the tree on the left, the selected node's details on the right. */
public final class TaxonomyView {

  private final SplitPane root;
  private final TaxonomyViewModel taxonomy;
  private final TaxonomyTree tree;
  private final NodeDetailsForm form;

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
