package io.routebench.app.runs;

import io.routebench.core.run.ConfusionMatrix;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The confusion matrix as a heat map: expected routes down, actual routes across, each cell shaded
 * by its share of the row (green on the diagonal, red off it). Clicking a cell asks for the turns
 * behind it.
 */
final class HeatMap {

  private static final double CELL_WIDTH = 44;

  private final GridPane grid = new GridPane();
  private final ScrollPane root = new ScrollPane(grid);
  private final BiConsumer<String, String> cellClicked;

  HeatMap(BiConsumer<String, String> cellClicked) {
    this.cellClicked = cellClicked;
    grid.setId("heatMap");
    grid.setHgap(0);
    grid.setVgap(0);
    root.setFitToWidth(false);
  }

  Node root() {
    return root;
  }

  void show(ConfusionMatrix matrix) {
    grid.getChildren().clear();
    if (matrix == null || matrix.total() == 0) {
      grid.add(new Label("No answered turns yet."), 0, 0);
      return;
    }
    List<String> labels = matrix.labels();
    var corner = new Label("expected ↓  actual →");
    corner.getStyleClass().add("heat-label");
    grid.add(corner, 0, 0);
    for (int column = 0; column < labels.size(); column++) {
      var header = new Label(labels.get(column));
      header.getStyleClass().add("heat-label");
      header.setRotate(-45);
      // Rotated names overflow their column instead of widening it: columns stay one cell wide.
      header.setMinWidth(Region.USE_PREF_SIZE);
      var box = new StackPane(new Group(header));
      box.setAlignment(Pos.BOTTOM_LEFT);
      box.setMinSize(CELL_WIDTH, 90);
      box.setPrefSize(CELL_WIDTH, 90);
      box.setMaxWidth(CELL_WIDTH);
      grid.add(box, column + 1, 0);
    }
    for (int row = 0; row < labels.size(); row++) {
      String expected = labels.get(row);
      var rowLabel = new Label(expected);
      rowLabel.getStyleClass().add("heat-label");
      grid.add(rowLabel, 0, row + 1);
      int rowTotal = 0;
      for (String actual : labels) {
        rowTotal += matrix.count(expected, actual);
      }
      for (int column = 0; column < labels.size(); column++) {
        String actual = labels.get(column);
        int count = matrix.count(expected, actual);
        grid.add(cell(expected, actual, count, rowTotal), column + 1, row + 1);
      }
    }
  }

  private Label cell(String expected, String actual, int count, int rowTotal) {
    var cell = new Label(count == 0 ? "" : String.valueOf(count));
    cell.getStyleClass().add("heat-cell");
    cell.getProperties().put("expected", expected);
    cell.getProperties().put("actual", actual);
    cell.setMinSize(CELL_WIDTH, 30);
    cell.setPrefSize(CELL_WIDTH, 30);
    cell.setAlignment(Pos.CENTER);
    double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
    boolean diagonal = expected.equals(actual);
    String color =
        count == 0
            ? "-color-bg-subtle"
            : diagonal
                ? String.format(
                    java.util.Locale.ROOT, "rgba(46, 125, 50, %.2f)", 0.15 + 0.85 * share)
                : String.format(
                    java.util.Locale.ROOT, "rgba(198, 40, 40, %.2f)", 0.15 + 0.85 * share);
    cell.setStyle("-fx-background-color: " + color + ";");
    cell.setTooltip(
        new Tooltip(count + " turns expected " + expected + " and were routed to " + actual));
    cell.setOnMouseClicked(e -> cellClicked.accept(expected, actual));
    return cell;
  }
}
