package io.routebench.app.runs;

import io.routebench.app.forms.Forms;
import io.routebench.app.forms.TableHeaders;
import io.routebench.core.run.Metric;
import io.routebench.core.run.MetricDeltas;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunComparison;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The History page: overall, turn, span and conversation accuracy across the suite's runs, each
 * point labelled with what changed in the policies; and two runs compared, regressions and fixes
 * highlighted, with per-route deltas.
 */
public final class HistoryPage {

  private final HistoryViewModel history;
  private final VBox root = new VBox(6);
  private final LineChart<Number, Number> chart;
  private final ComboBox<HistoryViewModel.Point> baseline = new ComboBox<>();
  private final ComboBox<HistoryViewModel.Point> candidate = new ComboBox<>();
  private final Label deltas = new Label();
  private final Button saveReport = new Button("Save report…");
  private final NumberAxis xAxis;

  /**
   * @param showRun shows a run's results on the Run page
   */
  public HistoryPage(HistoryViewModel history, Consumer<RegressionRun> showRun) {
    this.history = history;
    var x = new NumberAxis(1, 2, 1);
    x.setLabel("run");
    x.setMinorTickVisible(false);
    xAxis = x;
    var y = new NumberAxis(0, 100, 10);
    y.setLabel("accuracy %");
    chart = new LineChart<>(x, y);
    chart.setId("historyChart");
    chart.setAnimated(false);
    chart.setCreateSymbols(true);
    chart.setPrefHeight(320);
    chart.setMinHeight(220);

    var runsTable = new TableView<HistoryViewModel.Point>(history.points());
    runsTable.setId("historyTable");
    TableHeaders.keepReadable(runsTable);
    runsTable
        .getColumns()
        .setAll(
            ResultsView.column("#", HistoryViewModel.Point::number, 35),
            ResultsView.column("Started", p -> started(p.run()), 150),
            ResultsView.column("Status", p -> p.run().status().name().toLowerCase(Locale.ROOT), 85),
            ResultsView.column("Turns", p -> p.metrics().turns(), 55),
            ResultsView.column("Overall", p -> ResultsView.percent(p.metrics().overall()), 70),
            ResultsView.column("What changed", HistoryViewModel.Point::changesText, 300));
    runsTable.setRowFactory(
        t -> {
          var row = new TableRow<HistoryViewModel.Point>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                  showRun.accept(row.getItem().run());
                }
              });
          return row;
        });
    runsTable.setPlaceholder(Forms.placeholder("No runs of this suite yet."));

    baseline.setId("baselineRunChoice");
    candidate.setId("candidateRunChoice");
    for (ComboBox<HistoryViewModel.Point> choice : List.of(baseline, candidate)) {
      choice.setItems(history.points());
      choice.setCellFactory(list -> pointCell());
      choice.setButtonCell(pointCell());
    }
    var compare = new Button("Compare");
    compare.setId("compareRunsButton");
    compare.setOnAction(
        e -> {
          if (baseline.getValue() != null && candidate.getValue() != null) {
            history.compare(baseline.getValue().run(), candidate.getValue().run());
          }
        });
    saveReport.setId("saveComparisonReportButton");
    saveReport.disableProperty().bind(history.comparisonProperty().isNull());
    saveReport.setVisible(false);
    saveReport.setManaged(false);
    deltas.setId("comparisonDeltas");
    deltas.setWrapText(true);
    deltas.setMinHeight(Region.USE_PREF_SIZE);

    var changes = new TableView<HistoryViewModel.ChangeRow>(history.changes());
    changes.setId("comparisonTable");
    TableHeaders.keepReadable(changes);
    changes
        .getColumns()
        .setAll(
            ResultsView.column("Change", HistoryViewModel.ChangeRow::kind, 110),
            ResultsView.column("Case", r -> r.change().caseName(), 180),
            ResultsView.column("Turn", r -> r.change().turnIndex() + 1, 45),
            ResultsView.column("Expected", r -> r.change().expected(), 120),
            ResultsView.column("Was", r -> r.change().baselineActual(), 120),
            ResultsView.column("Now", r -> r.change().candidateActual(), 120));
    changes.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(HistoryViewModel.ChangeRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("regression", "fix");
                if (!empty && row != null) {
                  if (row.kind().equals("regression")) {
                    getStyleClass().add("regression");
                  } else if (row.kind().equals("fix")) {
                    getStyleClass().add("fix");
                  }
                }
              }
            });
    changes.setPlaceholder(Forms.placeholder("Pick two runs and compare them."));
    var routes = new TableView<HistoryViewModel.RouteDelta>(history.routeDeltas());
    routes.setId("routeDeltasTable");
    TableHeaders.keepReadable(routes);
    routes
        .getColumns()
        .setAll(
            ResultsView.column("Route", HistoryViewModel.RouteDelta::route, 150),
            ResultsView.ratio("F1 before", HistoryViewModel.RouteDelta::baselineF1),
            ResultsView.ratio("F1 after", HistoryViewModel.RouteDelta::candidateF1),
            ResultsView.ratio("F1 Δ", HistoryViewModel.RouteDelta::f1Delta),
            ResultsView.ratio("Recall before", HistoryViewModel.RouteDelta::baselineRecall),
            ResultsView.ratio("Recall after", HistoryViewModel.RouteDelta::candidateRecall));

    // Wraps in a narrow window instead of cutting the runs' names to "…".
    var compareBar =
        new FlowPane(
            6,
            4,
            new Label("Compare"),
            baseline,
            new Label("with"),
            candidate,
            compare,
            saveReport);
    compareBar.setAlignment(Pos.CENTER_LEFT);
    var comparePane = new SplitPane(changes, routes);
    comparePane.setDividerPositions(0.6);
    var lower = new VBox(6, compareBar, deltas, comparePane);
    VBox.setVgrow(comparePane, Priority.ALWAYS);
    var split = new SplitPane(new VBox(4, chart, runsTable), lower);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    VBox.setVgrow(split, Priority.ALWAYS);
    VBox.setVgrow(runsTable, Priority.ALWAYS);
    root.getChildren().add(split);
    root.setPadding(new Insets(8));

    history.points().addListener((ListChangeListener<HistoryViewModel.Point>) c -> showPoints());
    history.comparisonProperty().addListener((obs, old, now) -> showComparison(now));
    showPoints();
  }

  public Node root() {
    return root;
  }

  /** Offers "Save report…", which saves the comparison shown as an HTML report. */
  public void offerReport(Runnable save) {
    saveReport.setOnAction(e -> save.run());
    saveReport.setVisible(true);
    saveReport.setManaged(true);
  }

  private void showPoints() {
    List<HistoryViewModel.Point> points = history.points();
    // Whole runs only: an auto-ranged axis would tick at run 1.25.
    xAxis.setUpperBound(Math.max(2, points.size()));
    chart
        .getData()
        .setAll(Metric.headlines().stream().map(metric -> series(metric, points)).toList());
    // Symbols exist once the series are in the chart: label each point with what changed.
    for (XYChart.Series<Number, Number> series : chart.getData()) {
      for (int i = 0; i < series.getData().size(); i++) {
        var data = series.getData().get(i);
        HistoryViewModel.Point point = points.get(i);
        if (data.getNode() != null) {
          Tooltip.install(
              data.getNode(),
              new Tooltip(
                  "Run "
                      + point.number()
                      + " · "
                      + started(point.run())
                      + "\n"
                      + series.getName()
                      + " "
                      + ResultsView.percent(data.getYValue().doubleValue() / 100)
                      + (point.changes().isEmpty() ? "" : "\nChanged: " + point.changesText())));
        }
      }
    }
    if (points.size() >= 2) {
      baseline.setValue(points.get(points.size() - 2));
      candidate.setValue(points.get(points.size() - 1));
      // What the latest run broke or fixed is the first question after a re-run.
      history.compareLatestTwo();
    } else {
      baseline.setValue(null);
      candidate.setValue(null);
    }
  }

  private static XYChart.Series<Number, Number> series(
      Metric metric, List<HistoryViewModel.Point> points) {
    var series = new XYChart.Series<Number, Number>();
    series.setName(metric.shortLabel());
    for (HistoryViewModel.Point point : points) {
      series.getData().add(new XYChart.Data<>(point.number(), 100 * metric.value(point.metrics())));
    }
    return series;
  }

  private void showComparison(RunComparison comparison) {
    if (comparison == null) {
      deltas.setText("");
      return;
    }
    MetricDeltas d = comparison.deltas();
    var text =
        new StringBuilder()
            .append(comparison.regressions().size())
            .append(" regressions, ")
            .append(comparison.fixes().size())
            .append(" fixes, ")
            .append(comparison.changedFailures().size())
            .append(" turns failing differently");
    for (Metric metric : Metric.values()) {
      text.append(" · ")
          .append(metric.shortLabel())
          .append(' ')
          .append(metric.formatDelta(d.of(metric)));
    }
    deltas.setText(text.toString());
  }

  static String started(RegressionRun run) {
    return run.startedAt().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z");
  }

  private static ListCell<HistoryViewModel.Point> pointCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(HistoryViewModel.Point point, boolean empty) {
        super.updateItem(point, empty);
        setText(
            empty || point == null
                ? null
                : "run "
                    + point.number()
                    + " · "
                    + started(point.run())
                    + " · "
                    + ResultsView.percent(point.metrics().overall()));
      }
    };
  }
}
