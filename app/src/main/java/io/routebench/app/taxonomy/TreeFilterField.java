package io.routebench.app.taxonomy;

import atlantafx.base.controls.CustomTextField;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The text field over the tree that filters it: Esc clears it (and, once empty, leaves it for the
 * tree), Down goes into the tree. AtlantaFX's own field with a clear button, because ControlsFX's
 * clearable field brings its own stylesheet, which clashes with the theme.
 */
final class TreeFilterField {

  private final CustomTextField field = new CustomTextField();
  private final HBox root = new HBox(field);

  /**
   * @param toTree moves the focus into the tree
   */
  TreeFilterField(Runnable toTree) {
    field.setId("treeFilter");
    field.setPromptText("Filter (Ctrl+F)");
    var clear = new Button("✕");
    clear.setId("clearTreeFilter");
    clear.getStyleClass().addAll("flat", "filter-clear");
    clear.setFocusTraversable(false);
    clear.setTooltip(new Tooltip("Clear the filter (Esc)"));
    clear.visibleProperty().bind(field.textProperty().isNotEmpty());
    clear.setOnAction(e -> field.clear());
    field.setRight(clear);
    field.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (event.getCode() == KeyCode.ESCAPE) {
            if (field.getText().isEmpty()) {
              toTree.run();
            } else {
              field.clear();
            }
            event.consume();
          } else if (event.getCode() == KeyCode.DOWN) {
            toTree.run();
            event.consume();
          }
        });
    HBox.setHgrow(field, Priority.ALWAYS);
    root.setPadding(new Insets(0, 4, 4, 4));
  }

  Node root() {
    return root;
  }

  StringProperty textProperty() {
    return field.textProperty();
  }

  /** Puts the cursor in the field, its text selected (Ctrl+F). */
  void focus() {
    field.requestFocus();
    field.selectAll();
  }

  void clear() {
    field.clear();
  }
}
