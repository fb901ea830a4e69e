package io.routebench.app.cli;

import io.routebench.core.run.Metric;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RouteScore;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnChange;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code routebench test} prints on stdout once a run is over: the run, the paper's metrics,
 * per-route scores, the first failed turns and, with {@code --compare-to}, the changed turns.
 */
final class RunSummaryText {

  /** Failed turns listed in full; the reports hold the rest. */
  private static final int FAILURES_SHOWN = 20;

  private RunSummaryText() {}

  /**
   * @param baseline the run compared to, or {@code null}
   * @param comparison {@code run} against {@code baseline}, or {@code null} without one
   */
  static void print(
      PrintWriter out,
      RegressionRun run,
      RunMetrics metrics,
      RunComparison comparison,
      RegressionRun baseline) {
    out.printf(
        "Run %s  %s  %s (%s)  %d turns  %.1f s%n",
        run.id(),
        run.status().name().toLowerCase(Locale.ROOT),
        run.engine().model(),
        run.engine().profile().id(),
        run.results().size(),
        run.durationMillis() / 1000.0);
    printMetrics(out, metrics);
    printFailures(out, run);
    if (comparison != null) {
      out.println();
      out.printf(
          "compared to run %s: %d regression(s), %d fix(es)%n",
          baseline.id(), comparison.regressions().size(), comparison.fixes().size());
      printChanges(out, "  pass -> fail", comparison.regressions());
      printChanges(out, "  fail -> pass", comparison.fixes());
    }
    out.flush();
  }

  private static void printMetrics(PrintWriter out, RunMetrics metrics) {
    for (Metric each : Metric.values()) {
      out.printf(
          Locale.ROOT,
          "%-22s %7s  (%s)%n",
          each.label(),
          each.format(metrics, 2),
          each.unit() == Metric.Unit.COUNT
              ? each.detail(metrics) + ": " + each.description()
              : each.detail(metrics));
    }
    out.println();
    out.printf("%-32s %9s %9s %9s %8s%n", "route", "precision", "recall", "F1", "support");
    for (Map.Entry<String, RouteScore> entry : metrics.perRoute().entrySet()) {
      RouteScore score = entry.getValue();
      out.printf(
          Locale.ROOT,
          "%-32s %9.3f %9.3f %9.3f %8d%n",
          entry.getKey(),
          score.precision(),
          score.recall(),
          score.f1(),
          score.support());
    }
  }

  private static void printFailures(PrintWriter out, RegressionRun run) {
    var failures = run.results().stream().filter(r -> !r.passed()).toList();
    if (failures.isEmpty()) {
      return;
    }
    out.println();
    out.println("failed turns:");
    failures.stream()
        .limit(FAILURES_SHOWN)
        .forEach(
            r ->
                out.printf(
                    "  %s, turn %d: expected \"%s\", %s%n",
                    r.caseName(),
                    r.turnIndex() + 1,
                    r.expected(),
                    r.proxyError()
                        ? "proxy error (HTTP 500) on " + r.rawOutput()
                        : "routed to \""
                            + r.actual()
                            + "\""
                            + (r.rightButOutranked()
                                ? " (right, outranked: the answer listed "
                                    + String.join(", ", r.listedRoutes())
                                    + ")"
                                : "")));
    if (failures.size() > FAILURES_SHOWN) {
      out.printf("  ... and %d more (see --json / --junit)%n", failures.size() - FAILURES_SHOWN);
    }
  }

  /**
   * One line per changed turn, after {@code label} (which carries its own indent): the doctor lists
   * a candidate's fixed and broken turns the way a run lists its regressions and fixes.
   */
  static void printChanges(PrintWriter out, String label, List<TurnChange> changes) {
    for (TurnChange change : changes) {
      out.printf(
          "%s  %s, turn %d: expected \"%s\", was \"%s\", now \"%s\"%n",
          label,
          change.caseName(),
          change.turnIndex() + 1,
          change.expected(),
          change.baselineActual(),
          change.candidateActual());
    }
  }
}
