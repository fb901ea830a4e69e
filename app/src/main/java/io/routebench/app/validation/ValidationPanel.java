package io.routebench.app.validation;

import io.routebench.app.forms.Forms;
import io.routebench.app.forms.SeverityIcons;
import io.routebench.app.forms.TableHeaders;
import io.routebench.core.validation.Severity;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The problems list under the editors: severity, where, and what is wrong. Clicking a row (or
 * pressing Enter on it) takes the user to the offending node or target.
 */
public final class ValidationPanel {

  private final TableView<IssueRow> table = new TableView<>();
  private final BorderPane root = new BorderPane();

  /**
   * @param onIssueActivated receives the issue the user clicked
   */
  public ValidationPanel(ValidationViewModel viewModel, Consumer<IssueRow> onIssueActivated) {
    table.setId("validationTable");
    TableHeaders.keepReadable(table);
    table.setItems(viewModel.issues());
    table.setPlaceholder(Forms.placeholder("No problems found: these policies can be exported."));
    // Widths are shared out in proportion to the preferred widths: the message gets the most.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table
        .getColumns()
        .setAll(java.util.List.of(severityColumn(), placeColumn(), messageColumn(), pathColumn()));
    table.setRowFactory(
        view -> {
          var row = new TableRow<IssueRow>();
          row.setOnMouseClicked(
              event -> {
                if (!row.isEmpty()) {
                  onIssueActivated.accept(row.getItem());
                }
              });
          return row;
        });
    table.setOnKeyPressed(
        event -> {
          IssueRow selected = table.getSelectionModel().getSelectedItem();
          if (event.getCode() == javafx.scene.input.KeyCode.ENTER && selected != null) {
            onIssueActivated.accept(selected);
            event.consume();
          }
        });

    var title = new Label("Problems");
    title.getStyleClass().add("panel-title");
    var summary = new Label();
    summary.setId("validationSummary");
    summary.textProperty().bind(viewModel.summaryProperty());
    var header = new HBox(10, title, summary);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(4, 8, 4, 8));
    header.getStyleClass().add("panel-header");
    root.setTop(header);
    showTable(!viewModel.issues().isEmpty());
    viewModel
        .issues()
        .addListener(
            (ListChangeListener<IssueRow>) change -> showTable(!viewModel.issues().isEmpty()));
  }

  /** Without problems the panel is its header line ("No problems"), leaving the room to others. */
  private void showTable(boolean shown) {
    if (shown == (root.getCenter() == table)) {
      return;
    }
    root.setCenter(shown ? table : null);
    root.setMinHeight(shown ? 60 : Region.USE_PREF_SIZE);
    root.setMaxHeight(shown ? Double.MAX_VALUE : Region.USE_PREF_SIZE);
  }

  public Node root() {
    return root;
  }

  private static TableColumn<IssueRow, Severity> severityColumn() {
    var column = new TableColumn<IssueRow, Severity>("");
    column.setSortable(false);
    column.setPrefWidth(80);
    column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().severity()));
    column.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(Severity severity, boolean empty) {
                super.updateItem(severity, empty);
                if (empty || severity == null) {
                  setText(null);
                  setGraphic(null);
                } else {
                  setText(severity == Severity.ERROR ? "Error" : "Warning");
                  setGraphic(SeverityIcons.of(severity));
                }
              }
            });
    return column;
  }

  private static TableColumn<IssueRow, String> placeColumn() {
    var column = new TableColumn<IssueRow, String>("Where");
    column.setSortable(false);
    column.setPrefWidth(220);
    column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().place()));
    return column;
  }

  private static TableColumn<IssueRow, String> pathColumn() {
    var column = new TableColumn<IssueRow, String>("Path");
    column.setSortable(false);
    column.setPrefWidth(200);
    column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().path()));
    column.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(String path, boolean empty) {
                super.updateItem(path, empty);
                setText(empty ? null : path);
                getStyleClass().remove("issue-path");
                if (!empty) {
                  getStyleClass().add("issue-path");
                }
              }
            });
    return column;
  }

  private static TableColumn<IssueRow, String> messageColumn() {
    var column = new TableColumn<IssueRow, String>("Problem");
    column.setSortable(false);
    column.setPrefWidth(560);
    column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().message()));
    column.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(String message, boolean empty) {
                super.updateItem(message, empty);
                setText(empty ? null : message);
                // Long explanations do not fit the column: the whole text is one hover away.
                setTooltip(empty || message == null ? null : new Tooltip(message));
              }
            });
    return column;
  }
}
