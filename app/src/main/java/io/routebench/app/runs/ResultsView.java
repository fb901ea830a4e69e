package io.routebench.app.runs;

import io.routebench.app.forms.Forms;
import io.routebench.app.forms.TableHeaders;
import io.routebench.core.run.Metric;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnResult;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A run's results: the headline metrics, per-route precision / recall / F1 (sortable), the
 * confusion-matrix heat map and the turns behind it; double-clicking a turn opens its case there.
 */
final class ResultsView {

  private final RunResultsViewModel results;
  private final VBox root = new VBox(6);

  /** Wraps in a narrow window: a figure cut to "75.…" says nothing. */
  private final FlowPane metrics = new FlowPane(18, 6);

  private final Label outcomes = new Label();
  private final HeatMap heatMap;
  private final Label turnsTitle = new Label();

  /**
   * @param openTurn opens the turn's case at the turn, with its decision details
   */
  ResultsView(RunResultsViewModel results, Consumer<TurnResult> openTurn) {
    this.results = results;
    heatMap =
        new HeatMap(
            (expected, actual) ->
                results.filter(new RunResultsViewModel.TurnFilter.Cell(expected, actual)));
    metrics.setId("runMetrics");
    outcomes.setId("runOutcomes");
    outcomes.getStyleClass().add("help");

    var routes = new TableView<RunResultsViewModel.RouteRow>(results.routes());
    routes.setId("routeScoresTable");
    TableHeaders.keepReadable(routes);
    routes
        .getColumns()
        .setAll(
            column("Route", RunResultsViewModel.RouteRow::route, 150),
            ratio("Precision", RunResultsViewModel.RouteRow::precision),
            ratio("Recall", RunResultsViewModel.RouteRow::recall),
            ratio("F1", RunResultsViewModel.RouteRow::f1),
            column("Support", RunResultsViewModel.RouteRow::support, 65),
            column("Predicted", RunResultsViewModel.RouteRow::predicted, 70));
    routes.setPlaceholder(Forms.placeholder("No results yet."));

    var turns = new TableView<TurnResult>(results.turns());
    turns.setId("runTurnsTable");
    TableHeaders.keepReadable(turns);
    turns
        .getColumns()
        .setAll(
            column("Case", TurnResult::caseName, 200),
            column("Turn", t -> t.turnIndex() + 1, 45),
            column("Expected", TurnResult::expected, 130),
            column("Routed to", TurnResult::actual, 130),
            column("Outcome", t -> RunResultsViewModel.words(t.outcome()), 90),
            column("ms", TurnResult::latencyMillis, 60),
            column("Raw output", TurnResult::rawOutput, 200),
            column("Listed", t -> String.join(", ", t.listedRoutes()), 160));
    turns.setPlaceholder(Forms.placeholder("No turns to list."));
    turns.setRowFactory(
        table -> {
          var row =
              new TableRow<TurnResult>() {
                @Override
                protected void updateItem(TurnResult turn, boolean empty) {
                  super.updateItem(turn, empty);
                  getStyleClass().remove("regression");
                  if (!empty && turn != null && !turn.passed()) {
                    getStyleClass().add("regression");
                  }
                }
              };
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                  openTurn.accept(row.getItem());
                }
              });
          return row;
        });
    var open = new Button("Open case at turn");
    open.setId("openTurnButton");
    open.disableProperty().bind(turns.getSelectionModel().selectedItemProperty().isNull());
    open.setOnAction(e -> openTurn.accept(turns.getSelectionModel().getSelectedItem()));
    var failed = new Button("Failed turns");
    failed.setId("showFailedTurnsButton");
    failed.setOnAction(e -> results.filter(new RunResultsViewModel.TurnFilter.Failed()));
    var all = new Button("All turns");
    all.setOnAction(e -> results.filter(new RunResultsViewModel.TurnFilter.All()));
    turnsTitle.setId("turnsTitle");
    var turnsBar = new FlowPane(6, 4, turnsTitle, failed, all, open);
    turnsBar.setAlignment(Pos.CENTER_LEFT);
    var turnsPane = new VBox(4, turnsBar, turns);
    VBox.setVgrow(turns, Priority.ALWAYS);

    var heatTitle = new Label("Confusion matrix (click a cell for its turns)");
    heatTitle.setWrapText(true);
    heatTitle.setMinHeight(Region.USE_PREF_SIZE);
    var heat = new VBox(4, heatTitle, heatMap.root());
    VBox.setVgrow(heatMap.root(), Priority.ALWAYS);
    var top = new SplitPane(routes, heat);
    top.setDividerPositions(0.5);
    var split = new SplitPane(top, turnsPane);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.5);
    // Rows of both tables and the heat map stay in view; a short window scrolls the page.
    split.setMinHeight(380);
    VBox.setVgrow(split, Priority.ALWAYS);
    root.getChildren().addAll(metrics, outcomes, split);
    root.setPadding(new Insets(4, 0, 0, 0));

    results.metricsProperty().addListener((obs, old, now) -> showMetrics(now));
    results.filterProperty().addListener((obs, old, now) -> showFilter(now));
    showMetrics(results.metricsProperty().get());
    showFilter(results.filterProperty().get());
  }

  Node root() {
    return root;
  }

  private void showMetrics(RunMetrics shown) {
    metrics.getChildren().clear();
    if (shown == null) {
      return;
    }
    for (Metric metric : Metric.values()) {
      metrics.getChildren().add(metricBox(metric, shown));
    }
    outcomes.setText("Outcomes: " + results.outcomesProperty().get());
    heatMap.show(shown.confusion());
  }

  private void showFilter(RunResultsViewModel.TurnFilter filter) {
    turnsTitle.setText(
        switch (filter) {
          case RunResultsViewModel.TurnFilter.All all -> "All turns";
          case RunResultsViewModel.TurnFilter.Failed failed -> "Failed turns";
          case RunResultsViewModel.TurnFilter.Cell cell ->
              "Expected " + cell.expected() + ", routed to " + cell.actual();
        });
  }

  /** One metric of the table: its value, what stands behind it, and what it counts (tooltip). */
  private static Node metricBox(Metric metric, RunMetrics shown) {
    var valueLabel = new Label(metric.format(shown, 1));
    valueLabel.setId(elementId(metric));
    valueLabel.getStyleClass().add("metric-value");
    var nameLabel = new Label(metric.shortLabel() + " · " + metric.detail(shown));
    nameLabel.getStyleClass().add("metric-name");
    var box = new VBox(0, valueLabel, nameLabel);
    box.setMinWidth(Region.USE_PREF_SIZE);
    Tooltip.install(box, new Tooltip(metric.label() + ": " + metric.description()));
    return box;
  }

  /** e.g. {@code metricProxyErrors} for {@code proxy_errors}. */
  static String elementId(Metric metric) {
    var id = new StringBuilder("metric");
    for (String word : metric.id().split("_")) {
      id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return id.toString();
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
    var column = new TableColumn<S, T>(title);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  /** A 0..1 column shown with three decimals, sorting by value. */
  static <S> TableColumn<S, Double> ratio(String title, Function<S, Double> value) {
    TableColumn<S, Double> column = column(title, value, 75);
    column.setCellFactory(
        c ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%.3f", item));
              }
            });
    return column;
  }
}
