package io.routebench.app.runs;

import io.routebench.app.files.AtomicFiles;
import io.routebench.app.report.RunFigures;
import io.routebench.app.report.RunHtmlReport;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.suite.TestSuite;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Saves a run as an HTML report ({@link RunHtmlReport}) from the window: the run shown on the Run
 * page, compared with an earlier run the user picks, or the two runs compared on the History page.
 * The report is given the figures the window shows (the Run page's metrics, the History page's
 * comparison), so it cannot disagree with them. The file is written on the workspace's file thread.
 */
public final class RunReportExport {

  /** Where the report goes and what the user is told. */
  public record Outcome(Consumer<String> saved, Consumer<String> failed) {}

  private final Supplier<Optional<TestSuite>> suite;
  private final HistoryViewModel history;
  private final TaskExecutor io;
  private final Supplier<Window> owner;
  private final Outcome outcome;

  /**
   * @param suite the suite shown, whose cases hold the failed turns' conversations
   * @param history the suite's runs, to compare with
   * @param io the workspace file's thread, which writes the report
   */
  public RunReportExport(
      Supplier<Optional<TestSuite>> suite,
      HistoryViewModel history,
      TaskExecutor io,
      Supplier<Window> owner,
      Outcome outcome) {
    this.suite = Objects.requireNonNull(suite);
    this.history = Objects.requireNonNull(history);
    this.io = Objects.requireNonNull(io);
    this.owner = Objects.requireNonNull(owner);
    this.outcome = Objects.requireNonNull(outcome);
  }

  /**
   * The Run page's report: asks which earlier run to compare with (the one before by default), then
   * where to save.
   *
   * @param shownMetrics the metrics the Run page shows for {@code run}
   */
  public void chooseComparisonAndSave(RegressionRun run, RunMetrics shownMetrics) {
    Optional<RegressionRun> baseline = chooseBaseline(run);
    if (baseline == null) {
      return;
    }
    chooseFile(run).ifPresent(file -> save(run, shownMetrics, baseline.orElse(null), file));
  }

  /**
   * Writes the report of {@code run} with the metrics shown for it, compared with {@code baseline}
   * when not {@code null}.
   */
  public void save(RegressionRun run, RunMetrics shownMetrics, RegressionRun baseline, Path file) {
    RunComparison comparison = baseline == null ? null : RunComparison.compare(baseline, run);
    save(run, shownMetrics, baseline, comparison, file);
  }

  /** The History page's report: the comparison it shows, of its candidate with its baseline. */
  public void saveShownComparison() {
    RegressionRun candidate = history.comparedCandidate();
    if (candidate != null) {
      chooseFile(candidate).ifPresent(this::saveShownComparison);
    }
  }

  /** Writes the History page's comparison to {@code file}. */
  public void saveShownComparison(Path file) {
    RunComparison comparison = history.comparisonProperty().get();
    RegressionRun candidate = history.comparedCandidate();
    if (comparison != null && candidate != null) {
      save(candidate, comparison.candidateMetrics(), history.comparedBaseline(), comparison, file);
    }
  }

  /** Writes the report to {@code file}; tells the outcome when it is written, or why not. */
  private void save(
      RegressionRun run,
      RunMetrics metrics,
      RegressionRun baseline,
      RunComparison comparison,
      Path file) {
    TestSuite cases = suite.get().filter(s -> s.id().equals(run.suiteId())).orElse(null);
    io.execute(
        BackgroundTask.ofAction(
                "Writing the run report",
                () ->
                    AtomicFiles.writeString(
                        file, RunHtmlReport.render(run, metrics, cases, baseline, comparison)))
            .onSuccess(done -> outcome.saved().accept("Saved the run report to " + file))
            .onFailure(
                failure ->
                    outcome
                        .failed()
                        .accept(
                            "Could not save the run report to "
                                + file
                                + ": "
                                + failure.getMessage())));
  }

  /**
   * The earlier run to compare with, empty for none; {@code null} when the user cancelled. Runs of
   * the suite older than {@code run}, newest first.
   */
  private Optional<RegressionRun> chooseBaseline(RegressionRun run) {
    var earlier = new ArrayList<HistoryViewModel.Point>();
    for (HistoryViewModel.Point point : history.points()) {
      if (!point.run().id().equals(run.id()) && point.run().startedAt().isBefore(run.startedAt())) {
        earlier.add(0, point);
      }
    }
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    var none = new Choice(null, "No comparison");
    var choices = new ArrayList<Choice>(List.of(none));
    earlier.forEach(
        point ->
            choices.add(
                new Choice(
                    point.run(),
                    "Run "
                        + point.number()
                        + " · "
                        + HistoryPage.started(point.run())
                        + " · overall "
                        + RunFigures.percent(point.metrics().overall()))));
    var dialog = new ChoiceDialog<>(choices.get(1), choices);
    dialog.setTitle("Save run report");
    dialog.setHeaderText("Compare this run with an earlier one in the report?");
    dialog.setContentText("Compare with");
    dialog.initOwner(owner.get());
    return dialog.showAndWait().map(choice -> Optional.ofNullable(choice.run())).orElse(null);
  }

  private Optional<Path> chooseFile(RegressionRun run) {
    var chooser = new FileChooser();
    chooser.setTitle("Save run report");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML (*.html)", "*.html"));
    chooser.setInitialFileName(
        (run.suiteName() + " run " + HistoryPage.started(run))
                .replaceAll("[^A-Za-z0-9._ -]", "-")
                .replace(' ', '-')
            + ".html");
    File chosen = chooser.showSaveDialog(owner.get());
    return Optional.ofNullable(chosen).map(File::toPath);
  }

  /** A line of the "compare with" choice. */
  private record Choice(RegressionRun run, String label) {
    @Override
    public String toString() {
      return label;
    }
  }
}
