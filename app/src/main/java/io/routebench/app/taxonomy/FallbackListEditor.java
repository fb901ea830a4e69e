package io.routebench.app.taxonomy;

import io.routebench.app.forms.Forms;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The ordered fallback models of a route: a list with remove and reorder buttons, and a menu to add
 * any target not yet used by the route.
 */
final class FallbackListEditor {

  private final NodeDetailsViewModel viewModel;
  private final ListView<String> list = new ListView<>();
  private final VBox root;

  /**
   * Held here: the view model hands out a read-only wrapper, which passes changes on only while
   * someone keeps it.
   */
  private final ObservableList<String> choices;

  FallbackListEditor(NodeDetailsViewModel viewModel) {
    this.viewModel = viewModel;
    this.choices = viewModel.fallbackChoices();
    list.setId("fallbackList");
    list.setItems(viewModel.fallbacks());
    list.setPrefHeight(86);
    list.setCellFactory(view -> labelledCell());
    list.setPlaceholder(Forms.placeholder("No fallbacks: only the target is used."));

    // A menu, not a combo box: a combo box whose items shrink while its own selection is being
    // handled selects the next item too (two adds) and throws from its skin.
    var add = new MenuButton("Add fallback…");
    add.setId("addFallbackButton");
    add.setMaxWidth(Double.MAX_VALUE);
    add.disableProperty().bind(Bindings.isEmpty(choices));
    choices.addListener((ListChangeListener<String>) change -> offer(add, choices));
    offer(add, choices);

    var selected = list.getSelectionModel().selectedItemProperty();
    var remove = new Button("Remove");
    remove.setId("removeFallbackButton");
    remove.setOnAction(e -> viewModel.removeFallback(selected.get()));
    remove.disableProperty().bind(selected.isNull());
    var up = new Button("▲");
    up.setOnAction(e -> moveSelected(-1));
    up.disableProperty().bind(selected.isNull());
    var down = new Button("▼");
    down.setOnAction(e -> moveSelected(+1));
    down.disableProperty().bind(selected.isNull());

    add.setMinWidth(Region.USE_PREF_SIZE);
    for (Button button : new Button[] {up, down, remove}) {
      button.setMinWidth(Region.USE_PREF_SIZE);
    }
    // In the narrow side pane beside the conversation the buttons wrap under the menu rather
    // than run past the pane's edge ("Remov").
    var buttons = new HBox(4, up, down, remove);
    buttons.setMinWidth(Region.USE_PREF_SIZE);
    var row = new FlowPane(4, 4, add, buttons);
    row.setAlignment(Pos.CENTER_LEFT);
    root = new VBox(4, list, row);
  }

  Node root() {
    return root;
  }

  private void offer(MenuButton add, List<String> choices) {
    add.getItems()
        .setAll(
            choices.stream()
                .map(
                    model -> {
                      var item = new MenuItem(viewModel.labelOf(model));
                      item.setOnAction(e -> viewModel.addFallback(model));
                      return item;
                    })
                .toList());
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
