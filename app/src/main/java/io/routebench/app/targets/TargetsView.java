package io.routebench.app.targets;

import io.routebench.app.forms.Forms;
import io.routebench.app.forms.SpreadsheetTextCell;
import io.routebench.app.forms.TableHeaders;
import io.routebench.core.taxonomy.ModelTarget;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The targets tab: a table of the models routes send traffic to, edited in place as in a
 * spreadsheet (Enter, Tab or a click elsewhere stores a cell; Esc does not), with exactly one
 * default chosen by a radio button.
 */
public final class TargetsView {

  private final TargetsViewModel viewModel;
  private final TableView<ModelTarget> table = new TableView<>();
  private final TableColumn<ModelTarget, String> modelColumn;
  private final BorderPane root = new BorderPane();

  public TargetsView(TargetsViewModel viewModel) {
    this.viewModel = viewModel;
    table.setId("targetsTable");
    TableHeaders.keepReadable(table);
    table.setEditable(true);
    table.setItems(viewModel.targets());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(
        Forms.placeholder(
            "No targets yet. Click “Add target” and enter a model such as openai/gpt-4o."));

    modelColumn = textColumn("Model", ModelTarget::model, viewModel::setModel, 220);
    modelColumn.setId("modelColumn");
    // The model id is what the table is about: it keeps room for a provider/model id.
    modelColumn.setMinWidth(170);
    table
        .getColumns()
        .setAll(
            java.util.List.of(
                defaultColumn(),
                modelColumn,
                textColumn(
                    "Display name", ModelTarget::displayName, viewModel::setDisplayName, 140),
                textColumn("Base URL", ModelTarget::baseUrl, viewModel::setBaseUrl, 180),
                textColumn(
                    "Access key ($VARIABLE)",
                    ModelTarget::accessKeyRef,
                    viewModel::setAccessKeyRef,
                    200),
                usagesColumn()));

    var intro =
        new Label(
            "The models your routes send requests to (the proxy's model_providers). Requests that"
                + " match no route go to the default. Write access keys as environment references"
                + " such as $OPENAI_API_KEY: RouteBench never stores secrets. Double-click a cell"
                + " (or press F2) to edit it; Enter, Tab or a click elsewhere keeps what you typed,"
                + " Esc does not.");
    intro.setWrapText(true);
    intro.getStyleClass().add("help");

    var add = new Button("Add target");
    add.setId("addTargetButton");
    add.setOnAction(e -> addTarget());
    var remove = new Button("Remove target");
    remove.setId("removeTargetButton");
    remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> removeSelected());
    var buttons = new HBox(6, add, remove);
    buttons.setAlignment(Pos.CENTER_LEFT);

    var refused = new Label();
    refused.setId("refusedEditLabel");
    refused.setWrapText(true);
    refused.getStyleClass().add("error-message");
    refused.textProperty().bind(viewModel.refusedEditProperty());
    refused.visibleProperty().bind(viewModel.refusedEditProperty().isNotEmpty());
    refused.managedProperty().bind(refused.visibleProperty());

    var top = new VBox(8, intro, buttons);
    top.setPadding(new Insets(10, 10, 8, 10));
    root.setTop(top);
    root.setCenter(table);
    // Under the table: a refusal that comes and goes must not move the rows the user is
    // clicking on (a double-click would land on another row).
    root.setBottom(refused);
    BorderPane.setMargin(refused, new Insets(0, 10, 10, 10));
    BorderPane.setMargin(table, new Insets(0, 10, 8, 10));
  }

  public Node root() {
    return root;
  }

  /** Selects a row, e.g. the one a validation issue is about. */
  public void select(int index) {
    table.getSelectionModel().clearAndSelect(index);
    table.scrollTo(index);
    table.requestFocus();
  }

  private void addTarget() {
    int index = viewModel.addTarget();
    table.getSelectionModel().clearAndSelect(index);
    table.scrollTo(index);
    // The editing cell's text field takes the keyboard focus only if the table has it and the new
    // row's cells exist, which they do only after a layout pass: lay out now, then edit.
    table.requestFocus();
    table.layout();
    table.edit(index, modelColumn);
  }

  private void removeSelected() {
    int index = table.getSelectionModel().getSelectedIndex();
    if (index < 0) {
      return;
    }
    int usages = viewModel.usages(index);
    if (usages > 0) {
      var confirm =
          new Alert(
              Alert.AlertType.CONFIRMATION,
              (usages == 1 ? "1 route uses " : usages + " routes use ")
                  + viewModel.targets().get(index).model()
                  + ". They will be marked as errors until you choose another target for them."
                  + " (Edit ▸ Undo brings the target back.)",
              ButtonType.CANCEL,
              ButtonType.OK);
      confirm.setHeaderText("Remove this target?");
      confirm.initOwner(root.getScene().getWindow());
      if (confirm.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
        return;
      }
    }
    viewModel.removeTarget(index);
  }

  private TableColumn<ModelTarget, Boolean> defaultColumn() {
    var column = new TableColumn<ModelTarget, Boolean>("Default");
    column.setSortable(false);
    column.setReorderable(false);
    column.setPrefWidth(70);
    column.setMaxWidth(90);
    column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().isDefault()));
    column.setCellFactory(
        col ->
            new TableCell<>() {
              private final RadioButton radio = new RadioButton();

              {
                radio.setOnAction(
                    e -> {
                      viewModel.makeDefault(getIndex());
                      radio.setSelected(Boolean.TRUE.equals(getItem()));
                    });
                setAlignment(Pos.CENTER);
              }

              @Override
              protected void updateItem(Boolean isDefault, boolean empty) {
                super.updateItem(isDefault, empty);
                if (empty || isDefault == null) {
                  setGraphic(null);
                } else {
                  radio.setSelected(isDefault);
                  setGraphic(radio);
                }
              }
            });
    return column;
  }

  private TableColumn<ModelTarget, String> textColumn(
      String title,
      Function<ModelTarget, String> value,
      BiConsumer<Integer, String> commit,
      double width) {
    var column = new TableColumn<ModelTarget, String>(title);
    column.setSortable(false);
    column.setPrefWidth(width);
    column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
    SpreadsheetTextCell.install(
        column,
        (row, typed) -> {
          commit.accept(row, typed);
          // A refused edit leaves the document as it was: show the stored value again.
          table.refresh();
        });
    return column;
  }

  private TableColumn<ModelTarget, String> usagesColumn() {
    var column = new TableColumn<ModelTarget, String>("Used by");
    column.setSortable(false);
    column.setEditable(false);
    column.setPrefWidth(80);
    column.setCellValueFactory(
        row -> {
          int usages =
              viewModel.usagesByModelProperty().get().getOrDefault(row.getValue().model(), 0);
          return new ReadOnlyObjectWrapper<>(usages == 1 ? "1 route" : usages + " routes");
        });
    // Routes change on the taxonomy tab while the rows stay the same: redraw the counts.
    viewModel.usagesByModelProperty().addListener((obs, old, now) -> table.refresh());
    return column;
  }
}
