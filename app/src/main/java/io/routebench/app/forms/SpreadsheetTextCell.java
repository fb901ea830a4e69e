package io.routebench.app.forms;

import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Callback;

/**
 * A text cell edited as in a spreadsheet: what is typed is stored on Enter, on Tab (which goes on
 * to the next editable cell of the row; Shift+Tab to the previous one) and whenever the cell loses
 * the keyboard (a click on another row, another control or another tab). Only Esc throws the typing
 * away. JavaFX's own {@code TextFieldTableCell} stores on Enter alone, so Tab or a click elsewhere
 * silently lost a new target's model id.
 *
 * <p>The typed text is handed to {@code store} with the row it was typed in, which is remembered
 * when the edit starts: by the time the table ends an edit (a click on another row) the cell may
 * already show that other row.
 *
 * <p>The editor has the cell's height, so a row keeps its height while it is edited and a
 * double-click after an edit lands on the row under the pointer (see {@code .spreadsheet-cell} in
 * {@code workbench.css}).
 */
public final class SpreadsheetTextCell<S> extends TableCell<S, String> {

  private final BiConsumer<Integer, String> store;
  private final TextField editor = new TextField();

  /** The row being edited and its text when the edit began; -1 when not editing. */
  private int editedRow = -1;

  private String textBefore;

  /** Set while Esc ends the edit: the only way that discards the typing. */
  private boolean discarding;

  /**
   * @param store stores the text typed into a row (an unchanged text is not handed over)
   */
  public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> forColumn(
      BiConsumer<Integer, String> store) {
    return column -> new SpreadsheetTextCell<>(store);
  }

  private SpreadsheetTextCell(BiConsumer<Integer, String> store) {
    this.store = store;
    getStyleClass().add("spreadsheet-cell");
    editor.getStyleClass().add("spreadsheet-editor");
    editor.setOnAction(
        e -> {
          finishEdit();
          e.consume();
        });
    editor.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    editor
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused && isEditing()) {
                finishEdit();
              }
            });
  }

  private void keyPressed(KeyEvent event) {
    if (event.getCode() == KeyCode.ESCAPE) {
      discarding = true;
      try {
        cancelEdit();
      } finally {
        discarding = false;
      }
      event.consume();
    } else if (event.getCode() == KeyCode.TAB) {
      int row = editedRow;
      TableColumn<S, ?> next = neighbour(event.isShiftDown() ? -1 : +1);
      TableView<S> table = getTableView();
      finishEdit();
      event.consume();
      if (next != null && table != null) {
        // After the stored edit has reached the table (its rows are refreshed from the document):
        // the new cell's editor takes the keyboard only once the table has it and is laid out.
        Platform.runLater(
            () -> {
              table.requestFocus();
              table.getSelectionModel().clearAndSelect(row);
              table.layout();
              table.edit(row, next);
            });
      }
    }
  }

  @Override
  public void startEdit() {
    if (isEmpty()) {
      return;
    }
    super.startEdit();
    if (!isEditing()) {
      return;
    }
    editedRow = getIndex();
    textBefore = Objects.requireNonNullElse(getItem(), "");
    editor.setText(textBefore);
    setText(null);
    setGraphic(editor);
    editor.selectAll();
    editor.requestFocus();
  }

  /**
   * Ends the edit: stores the typing, unless Esc ended it. The table also ends edits this way (a
   * click on another row, a new edit elsewhere), which must not lose what was typed either.
   */
  @Override
  public void cancelEdit() {
    if (!isEditing()) {
      return;
    }
    if (discarding) {
      leaveEditor();
      super.cancelEdit();
      return;
    }
    finishEdit();
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    if (empty) {
      setText(null);
      setGraphic(null);
    } else if (isEditing()) {
      setText(null);
      setGraphic(editor);
    } else {
      setText(item);
      setGraphic(null);
    }
  }

  /** Leaves the editor and stores its text in the row the edit started in. */
  private void finishEdit() {
    if (editedRow < 0) {
      return;
    }
    int row = editedRow;
    String typed = editor.getText();
    String before = textBefore;
    leaveEditor();
    if (isEditing()) {
      super.cancelEdit();
    }
    if (!typed.equals(before)) {
      store.accept(row, typed);
    }
  }

  private void leaveEditor() {
    editedRow = -1;
    setGraphic(null);
    setText(getItem());
  }

  /** The next (or previous) editable column after this cell's, or {@code null}. */
  private TableColumn<S, ?> neighbour(int step) {
    TableView<S> table = getTableView();
    if (table == null) {
      return null;
    }
    var columns = table.getVisibleLeafColumns();
    for (int i = columns.indexOf(getTableColumn()) + step;
        i >= 0 && i < columns.size();
        i += step) {
      TableColumn<S, ?> column = columns.get(i);
      if (column.isEditable() && column.getCellFactory() != null && isSpreadsheetColumn(column)) {
        return column;
      }
    }
    return null;
  }

  private static boolean isSpreadsheetColumn(TableColumn<?, ?> column) {
    return Boolean.TRUE.equals(column.getProperties().get(SpreadsheetTextCell.class));
  }

  /** Makes {@code column} edited by spreadsheet cells that hand what is typed to {@code store}. */
  public static <S> void install(TableColumn<S, String> column, BiConsumer<Integer, String> store) {
    column.setCellFactory(forColumn(store));
    column.getProperties().put(SpreadsheetTextCell.class, Boolean.TRUE);
  }
}
