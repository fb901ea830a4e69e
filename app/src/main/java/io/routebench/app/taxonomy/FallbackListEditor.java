package io.routebench.app.taxonomy;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The ordered fallback models of a route: a list with remove and reorder buttons, and a combo box
 * to add any target not yet used by the route.
 */
final class FallbackListEditor {

  private final NodeDetailsViewModel viewModel;
  private final ListView<String> list = new ListView<>();
  private final VBox root;

  FallbackListEditor(NodeDetailsViewModel viewModel) {
    this.viewModel = viewModel;
    list.setId("fallbackList");
    list.setItems(viewModel.fallbacks());
    list.setPrefHeight(86);
    list.setCellFactory(view -> labelledCell());
    list.setPlaceholder(new javafx.scene.control.Label("No fallbacks: only the target is used."));

    var add = new ComboBox<String>(viewModel.fallbackChoices());
    add.setId("addFallbackCombo");
    add.setPromptText("Add fallback…");
    add.setCellFactory(view -> labelledCell());
    add.setButtonCell(labelledCell());
    add.setMaxWidth(Double.MAX_VALUE);
    add.disableProperty().bind(Bindings.isEmpty(viewModel.fallbackChoices()));
    add.setOnAction(
        e -> {
          String model = add.getValue();
          if (model != null) {
            // Cleared afterwards so the prompt shows again; clearing inside this handler re-enters
            // it.
            javafx.application.Platform.runLater(() -> add.getSelectionModel().clearSelection());
            viewModel.addFallback(model);
          }
        });
    HBox.setHgrow(add, Priority.ALWAYS);

    var selected = list.getSelectionModel().selectedItemProperty();
    var remove = new Button("Remove");
    remove.setOnAction(e -> viewModel.removeFallback(selected.get()));
    remove.disableProperty().bind(selected.isNull());
    var up = new Button("▲");
    up.setOnAction(e -> moveSelected(-1));
    up.disableProperty().bind(selected.isNull());
    var down = new Button("▼");
    down.setOnAction(e -> moveSelected(+1));
    down.disableProperty().bind(selected.isNull());

    root = new VBox(4, list, new HBox(4, add, up, down, remove));
  }

  Node root() {
    return root;
  }

  private void moveSelected(int delta) {
    String model = list.getSelectionModel().getSelectedItem();
    viewModel.moveFallback(model, delta);
    list.getSelectionModel().select(model);
  }

  private ListCell<String> labelledCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(String model, boolean empty) {
        super.updateItem(model, empty);
        setText(empty || model == null ? null : viewModel.labelOf(model));
      }
    };
  }
}
