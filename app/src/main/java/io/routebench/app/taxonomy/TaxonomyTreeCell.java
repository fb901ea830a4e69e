package io.routebench.app.taxonomy;

import io.routebench.app.forms.SeverityIcons;
import java.util.function.BiConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A domain (bold, with a "route" badge when it is a route on its own) or an action, with its target
 * model as a muted badge and a glyph when it has validation problems; lit up when the playtest's
 * decision chose it (its domain too, more faintly), emphasised when it matches the tree's filter.
 */
final class TaxonomyTreeCell extends TreeCell<TreeRow> {

  private final Label name = new Label();
  private final Label badge = new Label("route");
  private final Label target = new Label();
  private final Label mark = new Label();
  private final Region spacer = new Region();
  private final HBox content = new HBox(6, name, badge, mark, spacer, target);

  private final ObservableValue<RoutedNode> routed;

  /** Held by the cell so that the weak listener lives exactly as long as the cell. */
  private final InvalidationListener routedChanged = observable -> restyle();

  private final TextField editor = new TextField();

  /** Stores a node's new name. */
  private final BiConsumer<NodeRef, String> rename;

  /** The row being renamed; {@code null} when not renaming. */
  private TreeRow renamed;

  /** Set while Esc ends the rename: the only way that discards the typing. */
  private boolean discarding;

  /**
   * @param routed the node the playtest chose, lit up
   * @param rename stores a new name typed in a row: on Enter, and whenever the rename ends
   *     otherwise than by Esc (a click on another row, the keyboard going elsewhere)
   */
  TaxonomyTreeCell(ObservableValue<RoutedNode> routed, BiConsumer<NodeRef, String> rename) {
    this.routed = routed;
    this.rename = rename;
    editor.setOnAction(
        e -> {
          finishRename();
          e.consume();
        });
    editor.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (event.getCode() == KeyCode.ESCAPE) {
            discarding = true;
            try {
              cancelEdit();
            } finally {
              discarding = false;
            }
            event.consume();
          }
        });
    editor
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now && isEditing()) {
                finishRename();
              }
            });
    routed.addListener(new WeakInvalidationListener(routedChanged));
    badge.getStyleClass().add("route-badge");
    target.getStyleClass().add("target-badge");
    target.setMinWidth(0);
    mark.getStyleClass().add("problem-mark");
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // Clear of the scroll bar.
    content.setPadding(new Insets(0, 6, 0, 0));
    name.getStyleClass().add("node-name");
    mark.setMinWidth(Region.USE_PREF_SIZE);
    content.getStyleClass().add("taxonomy-cell");
  }

  @Override
  protected void updateItem(TreeRow row, boolean empty) {
    super.updateItem(row, empty);
    restyle();
    getStyleClass().removeAll("domain-row", "action-row", "filter-match");
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
    target.setText(row.target() == null ? "" : "→ " + row.target());
    target.setVisible(row.target() != null);
    target.setManaged(row.target() != null);
    showMark(row.mark());
    if (row.filterMatch()) {
      getStyleClass().add("filter-match");
    }
    setText(null);
    setGraphic(isEditing() ? editor : content);
  }

  /** The problem glyph after the name, its tooltip the problems in the Problems panel's words. */
  private void showMark(NodeMark problems) {
    mark.setVisible(problems != null);
    mark.setManaged(problems != null);
    if (problems == null) {
      mark.setGraphic(null);
      mark.setTooltip(null);
      setTooltip(null);
      return;
    }
    mark.setGraphic(SeverityIcons.of(problems.severity()));
    mark.setAccessibleText((problems.isError() ? "Error: " : "Warning: ") + problems.problems());
    // On the whole row: the glyph alone is a small target to hover.
    setTooltip(new Tooltip(problems.problems()));
  }

  /**
   * Stretches the row's content over the cell's width, which puts the target badge at its right
   * edge. Only the laid-out size changes, not the preferred one, so the tree does not widen.
   */
  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (getGraphic() == content) {
      // A cell can be wider than the part of it in view (under the vertical scroll bar).
      double visible = Math.min(getWidth(), viewportWidth());
      double width = visible - snappedRightInset() - content.getLayoutX();
      if (width > content.getWidth()) {
        content.resize(width, content.getHeight());
      }
    }
  }

  /** The tree's width less its vertical scroll bar, when it shows one. */
  private double viewportWidth() {
    if (getTreeView() == null || !(getTreeView().lookup(".virtual-flow") instanceof Region flow)) {
      return getWidth();
    }
    double width = flow.getWidth();
    for (Node child : flow.getChildrenUnmodifiable()) {
      if (child instanceof ScrollBar bar
          && bar.getOrientation() == Orientation.VERTICAL
          && bar.isVisible()) {
        width -= bar.getWidth();
      }
    }
    return width;
  }

  @Override
  public void startEdit() {
    if (getItem() == null) {
      return;
    }
    super.startEdit();
    if (!isEditing()) {
      return;
    }
    renamed = getItem();
    editor.setText(renamed.name());
    setGraphic(editor);
    editor.requestFocus();
    editor.selectAll();
  }

  /**
   * Ends the rename. The tree ends it this way too (a click on another row), which must keep what
   * was typed as a spreadsheet does; only Esc throws it away.
   */
  @Override
  public void cancelEdit() {
    if (!isEditing()) {
      return;
    }
    if (discarding) {
      renamed = null;
      super.cancelEdit();
      setGraphic(getItem() == null ? null : content);
      return;
    }
    finishRename();
  }

  /** Leaves the editor and stores the typed name of the row the rename began in. */
  private void finishRename() {
    TreeRow row = renamed;
    if (row == null) {
      return;
    }
    renamed = null;
    String typed = editor.getText();
    if (isEditing()) {
      super.cancelEdit();
    }
    setGraphic(getItem() == null ? null : content);
    if (!typed.equals(row.name())) {
      rename.accept(row.node(), typed);
    }
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
