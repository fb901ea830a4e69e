package io.routebench.app.forms;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps a table's column headers readable: no column is narrower than its header's text, which a
 * small window or a constrained resize policy would otherwise cut to "Expect…" or "L…". A value in
 * a narrow column may still be cut (its whole text is one column drag away); the header says what
 * the column is, so it never is.
 *
 * <p>The widths are measured, not guessed: after each layout of the table the header labels have
 * their theme's font, and a column whose header needs more than its minimum width gets it. Minimum
 * widths only grow, so this settles after one extra layout.
 */
public final class TableHeaders {

  /** Room for the sort arrow beside the title, so sorting a column does not cut its title. */
  private static final double SORT_ARROW = 14;

  private TableHeaders() {}

  public static <T extends TableView<?>> T keepReadable(T table) {
    table
        .needsLayoutProperty()
        .addListener(
            (obs, was, needsLayout) -> {
              if (!needsLayout) {
                fit(table);
              }
            });
    return table;
  }

  private static void fit(TableView<?> table) {
    Node headerRow = table.lookup(".column-header-background");
    if (headerRow == null) {
      return;
    }
    for (Node node : headerRow.lookupAll(".column-header")) {
      if (node instanceof TableColumnHeader header
          && header.getTableColumn() != null
          && header.getTableColumn().getColumns().isEmpty()
          && header.lookup(".label") instanceof Label title
          && title.getText() != null
          && !title.getText().isEmpty()) {
        TableColumnBase<?, ?> column = header.getTableColumn();
        double needed =
            Math.ceil(
                title.prefWidth(-1)
                    + header.snappedLeftInset()
                    + header.snappedRightInset()
                    + (column.isSortable() ? SORT_ARROW : 0));
        if (column.getMinWidth() < needed) {
          column.setMinWidth(needed);
          if (column.getPrefWidth() < needed) {
            column.setPrefWidth(needed);
          }
        }
      }
    }
  }
}
