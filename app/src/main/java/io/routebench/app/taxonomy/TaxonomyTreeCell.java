package io.routebench.app.taxonomy;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/**
 * A domain (bold, with a "route" badge when it is a route on its own) or an action; lit up when the
 * playtest's decision chose it (its domain too, more faintly).
 */
final class TaxonomyTreeCell extends TreeCell<TreeRow> {

  private final Label name = new Label();
  private final Label badge = new Label("route");
  private final HBox content = new HBox(6, name, badge);

  private final ObservableValue<RoutedNode> routed;

  /**
   * @param routed the node the playtest chose, lit up
   */
  /** Held by the cell so that the weak listener lives exactly as long as the cell. */
  private final InvalidationListener routedChanged = observable -> restyle();

  TaxonomyTreeCell(ObservableValue<RoutedNode> routed) {
    this.routed = routed;
    routed.addListener(new WeakInvalidationListener(routedChanged));
    badge.getStyleClass().add("route-badge");
    content.getStyleClass().add("taxonomy-cell");
  }

  @Override
  protected void updateItem(TreeRow row, boolean empty) {
    super.updateItem(row, empty);
    restyle();
    getStyleClass().removeAll("domain-row", "action-row");
    if (empty || row == null) {
      setText(null);
      setGraphic(null);
      return;
    }
    getStyleClass().add(row.isDomain() ? "domain-row" : "action-row");
    boolean unnamed = row.name().isBlank();
    name.setText(unnamed ? "(unnamed)" : row.name());
    name.getStyleClass().remove("unnamed");
    if (unnamed) {
      name.getStyleClass().add("unnamed");
    }
    badge.setVisible(row.coarseRoute());
    badge.setManaged(row.coarseRoute());
    setText(null);
    setGraphic(content);
  }

  /** Marks the node the playtest chose, and more faintly its domain. */
  private void restyle() {
    getStyleClass().removeAll("routed-node", "routed-domain");
    TreeRow row = isEmpty() ? null : getItem();
    RoutedNode chosen = routed.getValue();
    if (row == null || chosen == null) {
      return;
    }
    if (chosen.isChosen(row)) {
      getStyleClass().add("routed-node");
    } else if (chosen.isDomainOfChosen(row)) {
      getStyleClass().add("routed-domain");
    }
  }
}
