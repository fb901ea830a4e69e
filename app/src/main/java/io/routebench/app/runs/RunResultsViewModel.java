package io.routebench.app.runs;

import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RouteScore;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A run's results as the workbench shows them, computed by the same {@link MetricsCalculator} as
 * {@code routebench test}: the headline metrics, per-route scores, the confusion matrix, the
 * outcome counts and the turns behind any cell. Confined to the UI thread.
 */
public final class RunResultsViewModel {

  /** One route's line in the per-route table. */
  public record RouteRow(
      String route, double precision, double recall, double f1, int support, int predicted) {}

  /** Which turns the turns table lists. */
  public sealed interface TurnFilter {
    record All() implements TurnFilter {}

    record Failed() implements TurnFilter {}

    /** The turns behind one cell of the confusion matrix. */
    record Cell(String expected, String actual) implements TurnFilter {}
  }

  private final ReadOnlyObjectWrapper<RunMetrics> metrics =
      new ReadOnlyObjectWrapper<>(this, "metrics");
  private final ObservableList<RouteRow> routes = FXCollections.observableArrayList();
  private final ObservableList<TurnResult> turns = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper outcomes = new ReadOnlyStringWrapper(this, "outcomes", "");
  private final ReadOnlyObjectWrapper<TurnFilter> filter =
      new ReadOnlyObjectWrapper<>(this, "filter", new TurnFilter.Failed());
  private List<TurnResult> results = List.of();

  /** Shows {@code shown} (a finished run's results, or those of a run in progress). */
  public void show(List<TurnResult> shown) {
    results = List.copyOf(shown);
    RunMetrics computed = MetricsCalculator.compute(results);
    var rows = new ArrayList<RouteRow>();
    for (Map.Entry<String, RouteScore> entry : computed.perRoute().entrySet()) {
      RouteScore score = entry.getValue();
      rows.add(
          new RouteRow(
              entry.getKey(),
              score.precision(),
              score.recall(),
              score.f1(),
              score.support(),
              score.predicted()));
    }
    routes.setAll(rows);
    outcomes.set(outcomeCounts(results));
    metrics.set(computed);
    refilter();
  }

  /** The metrics of the results shown, or {@code null} before the first {@link #show}. */
  public ReadOnlyObjectProperty<RunMetrics> metricsProperty() {
    return metrics.getReadOnlyProperty();
  }

  public ObservableList<RouteRow> routes() {
    return routes;
  }

  /** The turns that pass the filter, in run order. */
  public ObservableList<TurnResult> turns() {
    return turns;
  }

  /** How the turns' answers mapped onto the policies, e.g. "matched 12 · other 3 · empty 1". */
  public ReadOnlyStringProperty outcomesProperty() {
    return outcomes.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<TurnFilter> filterProperty() {
    return filter.getReadOnlyProperty();
  }

  public void filter(TurnFilter newFilter) {
    filter.set(newFilter);
    refilter();
  }

  /** The outcome's name in words: {@code PROXY_ERROR} reads "proxy error". */
  public static String words(DecisionOutcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** What the router did at a turn, for the case editor: outcome, raw output, timing. */
  public static String details(TurnResult turn) {
    return "Expected "
        + turn.expected()
        + ", routed to "
        + turn.actual()
        + " ("
        + words(turn.outcome())
        + ")\nRaw output: "
        + (turn.rawOutput().isEmpty() ? "(none)" : turn.rawOutput())
        + "\n"
        + turn.latencyMillis()
        + " ms · prompt "
        + turn.promptTokens()
        + " tokens, "
        + turn.reusedTokens()
        + " reused from the cache";
  }

  private void refilter() {
    TurnFilter current = filter.get();
    turns.setAll(
        results.stream()
            .filter(
                turn ->
                    switch (current) {
                      case TurnFilter.All all -> true;
                      case TurnFilter.Failed failed -> !turn.passed();
                      case TurnFilter.Cell cell ->
                          turn.expected().equals(cell.expected())
                              && turn.actual().equals(cell.actual());
                    })
            .toList());
  }

  private static String outcomeCounts(List<TurnResult> results) {
    var counts = new EnumMap<DecisionOutcome, Integer>(DecisionOutcome.class);
    results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
    var parts = new ArrayList<String>();
    counts.forEach((outcome, count) -> parts.add(words(outcome) + " " + count));
    return String.join(" · ", parts);
  }
}
