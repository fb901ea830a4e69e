package io.routebench.app.suites;

import io.routebench.app.forms.TableHeaders;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.SuiteCoverage;
import io.routebench.core.suite.TestSuite;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Which routes the selected suite tests: turns per route, the routes under a chosen minimum, and
 * the routes the latest run predicted although no turn expects them.
 */
final class CoverageView {

  /** A route's line in the coverage table. */
  record Row(String route, int turns, boolean underTested, int predictedUnexpected) {}

  private final SuitesViewModel suites;
  private final VBox root = new VBox(6);
  private final TableView<Row> table = new TableView<>();
  private final Spinner<Integer> minimum = new Spinner<>(0, 1000, 3);
  private final Label summary = new Label();

  CoverageView(SuitesViewModel suites) {
    this.suites = suites;
    root.setPadding(new Insets(8));
    table.setId("coverageTable");
    TableHeaders.keepReadable(table);
    minimum.setId("coverageMinimum");
    minimum.setEditable(true);
    minimum.setPrefWidth(80);
    summary.setId("coverageSummary");
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    table
        .getColumns()
        .setAll(
            column("Route", Row::route, 220),
            column("Test turns", Row::turns, 90),
            column("Fewer than minimum", r -> r.underTested() ? "yes" : "", 140),
            column(
                "Predicted, never expected",
                r -> r.predictedUnexpected() == 0 ? "" : r.predictedUnexpected() + " turns",
                180));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setRowFactory(
        t ->
            new javafx.scene.control.TableRow<>() {
              @Override
              protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("coverage-gap");
                if (!empty && row != null && (row.underTested() || row.predictedUnexpected() > 0)) {
                  getStyleClass().add("coverage-gap");
                }
              }
            });
    VBox.setVgrow(table, Priority.ALWAYS);
    root.getChildren()
        .addAll(
            new HBox(6, new Label("A route needs at least"), minimum, new Label("test turns")),
            summary,
            table);
    minimum.valueProperty().addListener((o, a, b) -> refresh());
    suites.suiteProperty().addListener((o, a, b) -> refresh());
    suites.latestRunProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  Node root() {
    return root;
  }

  private void refresh() {
    TestSuite suite = suites.suite().orElse(null);
    if (suite == null) {
      table.getItems().clear();
      summary.setText("No suite selected.");
      return;
    }
    RegressionRun run = suites.latestRunProperty().get();
    var routes = suites.routeChoices().subList(0, suites.routeChoices().size() - 1);
    SuiteCoverage coverage =
        SuiteCoverage.of(
            suite, routes, minimum.getValue(), run == null ? null : MetricsCalculator.compute(run));
    var predicted = new java.util.HashMap<String, Integer>();
    coverage.predictedButNeverExpected().forEach(p -> predicted.put(p.route(), p.times()));
    var rows = new java.util.ArrayList<Row>();
    for (Map.Entry<String, Integer> entry : coverage.turnsPerRoute().entrySet()) {
      rows.add(
          new Row(
              entry.getKey(),
              entry.getValue(),
              coverage.underTested().contains(entry.getKey()),
              predicted.getOrDefault(entry.getKey(), 0)));
    }
    table.getItems().setAll(rows);
    summary.setText(
        coverage.underTested().size()
            + " of "
            + coverage.turnsPerRoute().size()
            + " routes have fewer than "
            + minimum.getValue()
            + " test turns"
            + (run == null
                ? "; run the suite to see routes predicted but never expected."
                : "; "
                    + coverage.predictedButNeverExpected().size()
                    + " routes were predicted in the latest run but no turn expects them."));
  }

  private static <T> TableColumn<Row, T> column(
      String title, java.util.function.Function<Row, T> value, double width) {
    var column = new TableColumn<Row, T>(title);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    column.setPrefWidth(width);
    return column;
  }
}
