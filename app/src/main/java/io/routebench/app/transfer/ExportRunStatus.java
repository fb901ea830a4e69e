package io.routebench.app.transfer;

import io.routebench.app.runs.RunStaleness;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.RunStatus;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.workspace.PolicyDocument;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;

/**
 * What the export dialog says about the test suites: each suite's latest run, whether it passed,
 * and whether it still speaks for the policies being exported (a run made with other routes or
 * another profile is stale). Information, not a gate: exporting stays possible, but a failing run
 * is called out first.
 *
 * <p>Confined to the UI thread; the runs are read by the workspace file's executor.
 */
public final class ExportRunStatus {

  /** How worrying the status is, for its colour. */
  public enum Tone {
    FINE,
    WARNING,
    FAILING
  }

  /**
   * @param headline one sentence over all suites
   * @param lines one per suite, failing ones first
   */
  public record Summary(String headline, Tone tone, List<String> lines) {
    public Summary {
      lines = List.copyOf(lines);
    }
  }

  /**
   * A suite and its newest run.
   *
   * @param latest {@code null} when the suite was never run
   * @param metrics the latest run's metrics, {@code null} with it
   */
  record SuiteRun(String suiteName, RegressionRun latest, RunMetrics metrics) {}

  static final Summary READING =
      new Summary("Reading the suites' latest runs…", Tone.FINE, List.of());

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final DocumentEditor editor;
  private final Supplier<TestSuiteRepository> suites;
  private final Supplier<RegressionRunRepository> runs;
  private final TaskExecutor fileTasks;
  private final ReadOnlyObjectWrapper<Summary> summary =
      new ReadOnlyObjectWrapper<>(this, "summary", READING);
  private final ChangeListener<PolicyDocument> documentChanged = (obs, old, now) -> show();
  private List<SuiteRun> read;
  private boolean disposed;

  /**
   * @param suites and {@code runs} are only used by tasks on {@code fileTasks}
   */
  public ExportRunStatus(
      DocumentEditor editor,
      Supplier<TestSuiteRepository> suites,
      Supplier<RegressionRunRepository> runs,
      TaskExecutor fileTasks) {
    this.editor = editor;
    this.suites = suites;
    this.runs = runs;
    this.fileTasks = fileTasks;
  }

  public ReadOnlyObjectProperty<Summary> summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Reads every suite's latest run in the background, then follows the policies' edits. */
  public void load() {
    summary.set(READING);
    fileTasks.execute(
        BackgroundTask.of("Reading the suites' latest runs", progress -> readLatest())
            .onSuccess(
                latest -> {
                  if (disposed) {
                    return;
                  }
                  read = latest;
                  editor.documentProperty().addListener(documentChanged);
                  show();
                })
            .onFailure(
                failure ->
                    summary.set(
                        new Summary(
                            "The suites' runs cannot be read: " + failure.getMessage(),
                            Tone.WARNING,
                            List.of()))));
  }

  /** Stops following the policies. */
  public void dispose() {
    disposed = true;
    editor.documentProperty().removeListener(documentChanged);
  }

  private List<SuiteRun> readLatest() {
    RegressionRunRepository history = runs.get();
    var result = new ArrayList<SuiteRun>();
    for (TestSuiteRepository.SuiteSummary suite : suites.get().listSuites()) {
      RegressionRun latest =
          history.listRuns(suite.id()).stream()
              .findFirst()
              .flatMap(run -> history.findRun(run.id()))
              .orElse(null);
      result.add(
          new SuiteRun(
              suite.name(), latest, latest == null ? null : MetricsCalculator.compute(latest)));
    }
    return result;
  }

  private void show() {
    summary.set(summarize(read, editor.document()));
  }

  /** The words for {@code suiteRuns} against the policies {@code now}. */
  static Summary summarize(List<SuiteRun> suiteRuns, PolicyDocument now) {
    if (suiteRuns.isEmpty()) {
      return new Summary(
          "No test suites: nothing shows how these policies route.", Tone.WARNING, List.of());
    }
    var failing = new ArrayList<String>();
    var others = new ArrayList<String>();
    int stale = 0;
    int neverRun = 0;
    for (SuiteRun suite : suiteRuns) {
      RegressionRun run = suite.latest();
      if (run == null) {
        neverRun++;
        others.add(suite.suiteName() + ": never run");
        continue;
      }
      boolean isStale = RunStaleness.isStale(run, now);
      if (isStale) {
        stale++;
      }
      String line =
          suite.suiteName()
              + ": "
              + state(run, suite.metrics())
              + " ("
              + WHEN.format(run.startedAt())
              + ")"
              + (isStale
                  ? " — stale: made with other routes, another profile or another serving"
                      + " engine than these"
                  : "");
      (isFailing(run, suite.metrics()) ? failing : others).add(line);
    }
    var parts = new ArrayList<String>();
    if (!failing.isEmpty()) {
      parts.add(failing.size() + " failing");
    }
    if (stale > 0) {
      parts.add(stale + " stale");
    }
    if (neverRun > 0) {
      parts.add(neverRun + " never run");
    }
    var lines = new ArrayList<>(failing);
    lines.addAll(others);
    if (parts.isEmpty()) {
      return new Summary(
          suiteRuns.size() == 1
              ? "The suite's latest run passed with these policies."
              : "All " + suiteRuns.size() + " suites' latest runs passed with these policies.",
          Tone.FINE,
          lines);
    }
    return new Summary(
        "Suite runs: "
            + String.join(", ", parts)
            + " (of "
            + suiteRuns.size()
            + "). Exporting is allowed; check these first.",
        failing.isEmpty() ? Tone.WARNING : Tone.FAILING,
        lines);
  }

  private static boolean isFailing(RegressionRun run, RunMetrics metrics) {
    return run.status() != RunStatus.COMPLETED && run.status() != RunStatus.RUNNING
        || metrics.passedTurns() < metrics.turns();
  }

  private static String state(RegressionRun run, RunMetrics metrics) {
    String turns =
        "overall "
            + String.format(Locale.ROOT, "%.1f%%", 100 * metrics.overall())
            + ", "
            + metrics.passedTurns()
            + " of "
            + metrics.turns()
            + " turns right";
    return switch (run.status()) {
      case RUNNING -> "running now, " + turns + " so far";
      case COMPLETED ->
          (metrics.passedTurns() < metrics.turns() ? "failing, " : "passed, ") + turns;
      case CANCELLED -> "failing: cancelled before the end, " + turns;
      case INTERRUPTED -> "failing: interrupted before the end, " + turns;
      case FAILED ->
          "failing: the run failed"
              + (run.failureMessage().isBlank() ? "" : " (" + run.failureMessage() + ")")
              + ", "
              + turns;
    };
  }
}
