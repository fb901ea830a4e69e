package io.routebench.app.report;

import io.routebench.app.AppVersion;
import io.routebench.core.run.ConfusionMatrix;
import io.routebench.core.run.Metric;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RouteScore;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnChange;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A run as one self-contained HTML file a person can share: the paper's metrics, per-route
 * precision / recall / F1, the confusion heat map, every failed turn with its conversation and the
 * router's raw answer, and what changed against an earlier run. The CSS is inlined and nothing is
 * loaded from anywhere (it opens offline, and prints cleanly).
 *
 * <p>It shows the numbers it is given: the {@link RunMetrics} and {@link RunComparison} the window
 * or {@code routebench test} computed for the same run, never figures of its own. Each figure also
 * carries its exact value ({@code data-value}) beside its rounded text, so it can be checked
 * against {@code test --json}.
 *
 * <p>Everything from a run (case names, conversations, raw answers, route names) is escaped: a
 * conversation about {@code <script>} shows that text, and nothing in the file runs.
 */
public final class RunHtmlReport {

  private final RegressionRun run;
  private final RunMetrics metrics;
  private final TestSuite suite;
  private final RegressionRun baseline;
  private final RunComparison comparison;
  private final Html html = new Html();

  private RunHtmlReport(
      RegressionRun run,
      RunMetrics metrics,
      TestSuite suite,
      RegressionRun baseline,
      RunComparison comparison) {
    this.run = run;
    this.metrics = metrics;
    this.suite = suite;
    this.baseline = baseline;
    this.comparison = comparison;
  }

  /**
   * @param metrics the run's metrics, as computed for the window or the CLI's summary
   * @param suite the suite the run's conversations are read from, or {@code null} (the failed turns
   *     are then listed without their conversations)
   * @param baseline the earlier run compared with, or {@code null}
   * @param comparison {@code baseline} compared with {@code run}, or {@code null}
   */
  public static String render(
      RegressionRun run,
      RunMetrics metrics,
      TestSuite suite,
      RegressionRun baseline,
      RunComparison comparison) {
    var report =
        new RunHtmlReport(run, metrics, suite, comparison == null ? null : baseline, comparison);
    return report.write();
  }

  private String write() {
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<meta name=\"generator\" content=\"RouteBench\">\n")
        .raw("<title>")
        .text("RouteBench run of " + run.suiteName() + " — " + started(run))
        .raw("</title>\n<style>\n")
        .raw(stylesheet())
        .raw("</style>\n</head>\n<body>\n");
    header();
    metricsSection();
    routesSection();
    confusionSection();
    if (comparison != null) {
      comparisonSection();
    }
    failedTurnsSection();
    html.raw("<footer>")
        .text("Written by RouteBench " + AppVersion.current() + ". Run " + run.id() + ".")
        .raw("</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private void header() {
    html.raw("<header>\n")
        .element("h1", null, "Run of “" + run.suiteName() + "”")
        .raw("\n<p class=\"meta\">")
        .text(
            started(run)
                + " · "
                + run.status().name().toLowerCase(Locale.ROOT)
                + " · "
                + run.engine().kind()
                + " "
                + run.engine().model()
                + " ("
                + run.engine().profile().id()
                + ") · "
                + run.results().size()
                + " turns · "
                + String.format(Locale.ROOT, "%.1f s", run.durationMillis() / 1000.0))
        .raw("</p>\n");
    if (!run.failureMessage().isEmpty()) {
      html.element("p", "note", "The run failed: " + run.failureMessage()).raw("\n");
    }
    html.raw("</header>\n");
  }

  private void metricsSection() {
    html.raw("<section id=\"metrics\">\n<h2>Metrics</h2>\n<table class=\"metrics\">\n<tr>")
        .raw("<th>Metric</th><th class=\"num\">Value</th><th>Counted</th>");
    if (comparison != null) {
      html.raw("<th class=\"num\">Before</th><th class=\"num\">Change</th>");
    }
    html.raw("</tr>\n");
    // The same table of metrics as the window, the CLI and the JSON report: the same figures.
    for (Metric metric : Metric.values()) {
      html.raw("<tr><th>")
          .text(sentenceCase(metric.label()))
          .raw("</th>")
          .raw(
              figure(
                  "value num", metric.jsonKey(), metric.value(metrics), metric.format(metrics, 1)))
          .raw("<td class=\"detail\">")
          .text(metric.detail(metrics) + " · " + metric.description())
          .raw("</td>");
      if (comparison != null) {
        RunMetrics before = comparison.baselineMetrics();
        double delta = metric.value(metrics) - metric.value(before);
        html.raw(figure("num", metric.jsonKey(), metric.value(before), metric.format(before, 1)))
            .raw("<td class=\"num delta ")
            .raw(delta == 0 ? "" : metric.isWorse(delta) ? "down" : "up")
            .raw("\">")
            .text(metric.formatDelta(delta))
            .raw("</td>");
      }
      html.raw("</tr>\n");
    }
    html.raw("</table>\n</section>\n");
  }

  private static String sentenceCase(String label) {
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }

  private void routesSection() {
    html.raw("<section id=\"routes\">\n<h2>Per route</h2>\n<table class=\"routes\">\n<tr>")
        .raw("<th>Route</th><th class=\"num\">Precision</th><th class=\"num\">Recall</th>")
        .raw("<th class=\"num\">F1</th><th class=\"num\">Support</th>")
        .raw("<th class=\"num\">Predicted</th></tr>\n");
    for (Map.Entry<String, RouteScore> entry : metrics.perRoute().entrySet()) {
      RouteScore score = entry.getValue();
      String route = entry.getKey();
      html.raw("<tr data-route=\"")
          .text(route)
          .raw("\"><th>")
          .text(route)
          .raw("</th>")
          .raw(figure("num", "precision", score.precision(), RunFigures.ratio(score.precision())))
          .raw(figure("num", "recall", score.recall(), RunFigures.ratio(score.recall())))
          .raw(figure("num", "f1", score.f1(), RunFigures.ratio(score.f1())))
          .raw(figure("num", "support", score.support(), String.valueOf(score.support())))
          .raw(figure("num", "predicted", score.predicted(), String.valueOf(score.predicted())))
          .raw("</tr>\n");
    }
    html.raw("</table>\n</section>\n");
  }

  /** Expected routes down, routed-to across; each cell shaded by its share of the row. */
  private void confusionSection() {
    ConfusionMatrix matrix = metrics.confusion();
    html.raw("<section id=\"confusion\">\n<h2>Confusion matrix</h2>\n");
    if (matrix.total() == 0) {
      html.element("p", "note", "No turn was answered.").raw("\n</section>\n");
      return;
    }
    html.element(
            "p",
            "note",
            "Rows: the route each turn expected. Columns: the route it was sent to. The"
                + " diagonal is right; shading is each cell's share of its row.")
        .raw("\n<table class=\"heat\">\n<tr><th>expected ↓ · routed to →</th>");
    List<String> labels = matrix.labels();
    for (String label : labels) {
      html.raw("<th class=\"col\">").text(label).raw("</th>");
    }
    html.raw("</tr>\n");
    for (String expected : labels) {
      int rowTotal = labels.stream().mapToInt(actual -> matrix.count(expected, actual)).sum();
      html.raw("<tr><th>").text(expected).raw("</th>");
      for (String actual : labels) {
        int count = matrix.count(expected, actual);
        boolean diagonal = expected.equals(actual);
        html.raw("<td class=\"")
            .raw(count == 0 ? "empty" : diagonal ? "diagonal" : "off")
            .raw("\"");
        if (count > 0) {
          double share = (double) count / rowTotal;
          html.raw(
              String.format(
                  Locale.ROOT,
                  " style=\"background: rgba(%s, %.2f)\"",
                  diagonal ? "26, 127, 55" : "207, 34, 46",
                  0.12 + 0.6 * share));
        }
        html.raw(" data-expected=\"")
            .text(expected)
            .raw("\" data-actual=\"")
            .text(actual)
            .raw("\" data-value=\"")
            .raw(String.valueOf(count))
            .raw("\" title=\"")
            .text(count + " turns expected " + expected + ", routed to " + actual)
            .raw("\">")
            .text(count == 0 ? "·" : String.valueOf(count))
            .raw("</td>");
      }
      html.raw("</tr>\n");
    }
    html.raw("</table>\n</section>\n");
  }

  private void comparisonSection() {
    html.raw("<section id=\"comparison\">\n<h2>Compared with an earlier run</h2>\n")
        .element(
            "p",
            "meta",
            "Run of "
                + started(baseline)
                + " · "
                + baseline.engine().model()
                + " ("
                + baseline.engine().profile().id()
                + ") · "
                + comparison.regressions().size()
                + " regressions, "
                + comparison.fixes().size()
                + " fixes, "
                + comparison.changedFailures().size()
                + " turns failing differently, "
                + comparison.unchangedPasses()
                + " still passing, "
                + comparison.unchangedFailures()
                + " still failing the same way")
        .raw("\n");
    changes("Regressions (passed before, fail now)", "regression", comparison.regressions());
    changes("Fixes (failed before, pass now)", "fix", comparison.fixes());
    changes("Failing differently", "changed", comparison.changedFailures());
    changes("Only in the earlier run", "gone", comparison.onlyInBaseline());
    changes("Only in this run", "new", comparison.onlyInCandidate());
    html.raw("</section>\n");
  }

  private void changes(String title, String kind, List<TurnChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    html.element("h3", null, title + " · " + changes.size())
        .raw("\n<table class=\"changes\">\n<tr><th>Case</th><th class=\"num\">Turn</th>")
        .raw("<th>Expected</th><th>Before</th><th>Now</th></tr>\n");
    for (TurnChange change : changes) {
      html.raw("<tr class=\"")
          .raw(kind)
          .raw("\">")
          .element("td", null, change.caseName())
          .element("td", "num", String.valueOf(change.turnIndex() + 1))
          .element("td", null, change.expected())
          .element("td", null, orDash(change.baselineActual()))
          .element("td", null, orDash(change.candidateActual()))
          .raw("</tr>\n");
    }
    html.raw("</table>\n");
  }

  private void failedTurnsSection() {
    List<TurnResult> failed = run.results().stream().filter(t -> !t.passed()).toList();
    html.raw("<section id=\"failed\">\n")
        .element("h2", null, "Failed turns · " + failed.size())
        .raw("\n");
    if (failed.isEmpty()) {
      html.element("p", "note", "Every turn was routed as expected.").raw("\n");
    }
    for (TurnResult turn : failed) {
      html.raw("<article class=\"turn\">\n")
          .element("h3", null, turn.caseName() + " · turn " + (turn.turnIndex() + 1))
          .raw("\n<p>")
          .text(
              "Expected "
                  + turn.expected()
                  + ", routed to "
                  + turn.actual()
                  + " ("
                  + turn.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + (turn.proxyError() ? ": the proxy would answer HTTP 500" : "")
                  + ") · "
                  + turn.latencyMillis()
                  + " ms")
          .raw("</p>\n");
      conversation(turn);
      html.raw("<div class=\"detail\">The router's raw answer:</div>\n")
          .element("pre", "raw", turn.rawOutput().isEmpty() ? "(none)" : turn.rawOutput())
          .raw("\n</article>\n");
    }
    html.raw("</section>\n");
  }

  /** The case's messages up to the turn asked, that one marked. */
  private void conversation(TurnResult turn) {
    Optional<TestCase> testCase =
        suite == null
            ? Optional.empty()
            : suite.cases().stream().filter(c -> c.id().equals(turn.caseId())).findFirst();
    if (testCase.isEmpty() || turn.messageIndex() >= testCase.get().messages().size()) {
      html.element("p", "note", "The conversation is no longer in the suite.").raw("\n");
      return;
    }
    html.raw("<ol class=\"conversation\">\n");
    List<CaseMessage> messages = testCase.get().messages();
    for (int i = 0; i <= turn.messageIndex(); i++) {
      CaseMessage message = messages.get(i);
      String role = message.role().name().toLowerCase(Locale.ROOT);
      html.raw("<li class=\"")
          .raw(role)
          .raw(i == turn.messageIndex() ? " asked" : "")
          .raw("\">")
          .element("span", "who", role)
          .text(message.content())
          .raw("</li>\n");
    }
    html.raw("</ol>\n");
  }

  /** A table cell with a figure's text and, for checking, its exact value. */
  private static String figure(String cssClass, String key, double value, String text) {
    return "<td class=\""
        + cssClass
        + "\" data-metric=\""
        + Html.escape(key)
        + "\" data-value=\""
        + value
        + "\">"
        + Html.escape(text)
        + "</td>";
  }

  private static String orDash(String route) {
    return route == null ? "—" : route;
  }

  private static String started(RegressionRun run) {
    return run.startedAt().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z");
  }

  private static String stylesheet() {
    try (InputStream in = RunHtmlReport.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the application");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report's stylesheet", e);
    }
  }
}
