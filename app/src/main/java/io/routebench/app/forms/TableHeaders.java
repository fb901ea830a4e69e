package io.routebench.app.forms;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.util.Callback;

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
    boolean widened = false;
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
          widened = true;
        }
      }
    }
    fitOrScroll(table, widened);
  }

  /**
   * A table that fits its columns to its width (a constrained resize policy) has no horizontal
   * scroll bar: when the columns' minimum widths no longer fit, it scrolls instead (unconstrained)
   * until they fit again. A constrained table also shares its width out anew only when its policy
   * runs, so a widened column makes it run.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void fitOrScroll(TableView<?> table, boolean widened) {
    Callback wanted = wantedPolicy(table);
    if (wanted == null) {
      return;
    }
    double minimums =
        table.getVisibleLeafColumns().stream().mapToDouble(TableColumnBase::getMinWidth).sum();
    Node viewport = table.lookup(".clipped-container");
    double room =
        viewport instanceof Region region && region.getWidth() > 0
            ? region.getWidth()
            : table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
    Callback now = minimums <= room ? wanted : TableView.UNCONSTRAINED_RESIZE_POLICY;
    if (table.getColumnResizePolicy() != now || widened && now == wanted) {
      Platform.runLater(
          () -> {
            // Set anew even when unchanged: setting it is what makes the table apply it.
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            table.setColumnResizePolicy(now);
          });
    }
  }

  /** The constrained policy the table was given, remembered; {@code null} for unconstrained. */
  @SuppressWarnings("rawtypes")
  private static Callback wantedPolicy(TableView<?> table) {
    Object remembered = table.getProperties().get(TableHeaders.class);
    if (remembered == null) {
      Callback policy = table.getColumnResizePolicy();
      remembered = policy == TableView.UNCONSTRAINED_RESIZE_POLICY ? Boolean.FALSE : policy;
      table.getProperties().put(TableHeaders.class, remembered);
    }
    return remembered instanceof Callback policy ? policy : null;
  }
}
