package io.routebench.app.runs;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.PolicyChanges;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.run.RouteScore;
import io.routebench.core.run.RouterView;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A suite's runs over time, each with its metrics and what changed in the policies since the run
 * before it, and the comparison of any two ({@link RunComparison}, as {@code routebench test
 * --compare-to} makes it). Confined to the UI thread; runs are read on {@code io}.
 */
public final class HistoryViewModel {

  /**
   * One run of the history.
   *
   * @param changes what the router saw differently from the previous run (policies recorded by
   *     both), or empty
   */
  public record Point(int number, RegressionRun run, RunMetrics metrics, List<String> changes) {

    public Point {
      changes = List.copyOf(changes);
    }

    /** E.g. "description of debugging changed; added billing", or "" when nothing changed. */
    public String changesText() {
      return String.join("; ", changes);
    }
  }

  /** A line of the comparison: one turn that changed. */
  public record ChangeRow(String kind, TurnChange change) {}

  /** One route's F1 and recall in both runs. */
  public record RouteDelta(
      String route,
      double baselineF1,
      double candidateF1,
      double baselineRecall,
      double candidateRecall) {

    public double f1Delta() {
      return candidateF1 - baselineF1;
    }
  }

  private final RegressionRunRepository runs;
  private final TaskExecutor io;
  private final ObservableList<Point> points = FXCollections.observableArrayList();
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<Point> pointsView = FXCollections.unmodifiableObservableList(points);
  private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList();
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<ChangeRow> changesView =
      FXCollections.unmodifiableObservableList(changes);
  private final ObservableList<RouteDelta> routeDeltas = FXCollections.observableArrayList();
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<RouteDelta> routeDeltasView =
      FXCollections.unmodifiableObservableList(routeDeltas);
  private final ReadOnlyObjectWrapper<RunComparison> comparison =
      new ReadOnlyObjectWrapper<>(this, "comparison");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private String suiteId;
  private RegressionRun comparedBaseline;
  private RegressionRun comparedCandidate;

  public HistoryViewModel(RegressionRunRepository runs, TaskExecutor io) {
    this.runs = runs;
    this.io = io;
  }

  /** The suite's runs, oldest first. */
  public ObservableList<Point> points() {
    return pointsView;
  }

  /** The compared runs' regressions, then fixes, then turns failing differently. */
  public ObservableList<ChangeRow> changes() {
    return changesView;
  }

  public ObservableList<RouteDelta> routeDeltas() {
    return routeDeltasView;
  }

  public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Reads the runs of {@code suite} ({@code null}: none). */
  public void load(String suite) {
    suiteId = suite;
    if (suite == null) {
      points.clear();
      clearComparison();
      return;
    }
    io.execute(
        BackgroundTask.of(
                "Reading the run history",
                progress -> {
                  var loaded = new ArrayList<RegressionRun>();
                  for (var summary : runs.listRuns(suite).reversed()) {
                    runs.findRun(summary.id()).ifPresent(loaded::add);
                  }
                  return loaded;
                })
            .onSuccess(
                loaded -> {
                  if (suite.equals(suiteId)) {
                    points.setAll(pointsOf(loaded));
                  }
                })
            .onFailure(f -> message.set("Could not read the runs: " + f.getMessage())));
  }

  public void reload() {
    load(suiteId);
  }

  /** Compares two runs of the history: what the candidate broke and fixed. */
  public void compare(RegressionRun baseline, RegressionRun candidate) {
    RunComparison compared = RunComparison.compare(baseline, candidate);
    var rows = new ArrayList<ChangeRow>();
    compared.regressions().forEach(c -> rows.add(new ChangeRow("regression", c)));
    compared.fixes().forEach(c -> rows.add(new ChangeRow("fix", c)));
    compared.changedFailures().forEach(c -> rows.add(new ChangeRow("fails differently", c)));
    changes.setAll(rows);
    var routes = new LinkedHashSet<String>();
    routes.addAll(compared.baselineMetrics().perRoute().keySet());
    routes.addAll(compared.candidateMetrics().perRoute().keySet());
    var deltas = new ArrayList<RouteDelta>();
    for (String route : routes) {
      RouteScore before = score(compared.baselineMetrics(), route);
      RouteScore after = score(compared.candidateMetrics(), route);
      deltas.add(new RouteDelta(route, before.f1(), after.f1(), before.recall(), after.recall()));
    }
    routeDeltas.setAll(deltas);
    comparedBaseline = baseline;
    comparedCandidate = candidate;
    comparison.set(compared);
  }

  /** The earlier run of the comparison shown, or {@code null}. */
  public RegressionRun comparedBaseline() {
    return comparison.get() == null ? null : comparedBaseline;
  }

  /** The later run of the comparison shown, or {@code null}. */
  public RegressionRun comparedCandidate() {
    return comparison.get() == null ? null : comparedCandidate;
  }

  /** Compares the two newest runs, when there are two. */
  public Optional<RunComparison> compareLatestTwo() {
    if (points.size() < 2) {
      return Optional.empty();
    }
    compare(points.get(points.size() - 2).run(), points.get(points.size() - 1).run());
    return Optional.of(comparison.get());
  }

  private void clearComparison() {
    changes.clear();
    routeDeltas.clear();
    comparison.set(null);
  }

  private static RouteScore score(RunMetrics metrics, String route) {
    return metrics.perRoute().getOrDefault(route, new RouteScore(0, 0, 0));
  }

  static List<Point> pointsOf(List<RegressionRun> oldestFirst) {
    var result = new ArrayList<Point>();
    RouterView previous = null;
    for (int i = 0; i < oldestFirst.size(); i++) {
      RegressionRun run = oldestFirst.get(i);
      RouterView view = run.routerView().orElse(null);
      List<String> changed =
          previous == null || view == null ? List.of() : PolicyChanges.between(previous, view);
      result.add(new Point(i + 1, run, MetricsCalculator.compute(run), changed));
      if (view != null) {
        previous = view;
      }
    }
    return result;
  }
}
