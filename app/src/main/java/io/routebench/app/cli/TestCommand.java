package io.routebench.app.cli;

import io.routebench.app.files.AtomicFiles;
import io.routebench.app.report.RunHtmlReport;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.ResumeRefusedException;
import io.routebench.core.run.RouteScore;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.StoringRunRecorder;
import io.routebench.core.run.TurnChange;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Runs a test suite headless, stores the run in the workspace, prints the paper's"
            + " metrics and writes JUnit XML / JSON / HTML reports. Exits 1 below --fail-under or on"
            + " regressions against --compare-to: the way to gate a routing config in CI.")
final class TestCommand implements Callable<Integer> {

  enum Metric {
    turn,
    span,
    conversation,
    overall
  }

  @Spec CommandSpec spec;

  @Option(names = "--workspace", required = true, paramLabel = "W")
  Path workspaceFile;

  @Option(names = "--suite", required = true, paramLabel = "NAME")
  String suiteName;

  @Mixin EngineOptions engine;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "write a JUnit XML report (one test case per user turn)")
  Path junit;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "write a JSON report with every turn's result")
  Path json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "write a self-contained HTML report to share: metrics, per-route scores, the confusion"
              + " heat map, failed turns with their conversations, and the --compare-to changes")
  Path html;

  @Option(
      names = "--fail-under",
      paramLabel = "RATIO",
      description = "exit 1 when the chosen metric is below this (0..1)")
  Double failUnder;

  @Option(
      names = "--metric",
      defaultValue = "turn",
      description = "metric --fail-under applies to: turn (default), span, conversation, overall")
  Metric metric;

  @Option(
      names = "--compare-to",
      paramLabel = "RUN",
      description =
          "a run id, or 'previous' for the suite's latest earlier run; exit 1 on any pass→fail turn")
  String compareTo;

  @Option(
      names = "--resume",
      paramLabel = "RUN",
      description =
          "complete an interrupted, cancelled or failed run: a run id, or 'latest' for"
              + " the suite's newest such run. Only the turns it has no answer for are asked,"
              + " with the same model, profile and policies (refused when they differ).")
  String resume;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (failUnder != null && (failUnder < 0 || failUnder > 1)) {
      throw new CliFailure("--fail-under takes a ratio between 0 and 1, e.g. 0.95", 2);
    }
    return WorkspaceFiles.withWorkspace(
        workspaceFile,
        workspace -> {
          // Everything that can refuse the run is checked before the first turn is asked.
          if (workspace.isReadOnly()) {
            throw CliFailure.problems(
                workspaceFile
                    + " is read-only (file, folder or disk), so the run could not be stored;"
                    + " copy the workspace somewhere writable");
          }
          PolicyDocument document = workspace.policies().load();
          ValidationReport report = PolicyValidator.validate(document);
          if (report.hasErrors()) {
            err.print(report.format(workspaceFile.getFileName().toString()));
            throw CliFailure.problems(
                "the workspace's policies have errors (above): fix them before running a suite");
          }
          TestSuite suite =
              workspace
                  .suites()
                  .findSuiteByName(suiteName)
                  .orElseThrow(
                      () ->
                          CliFailure.problems(
                              "no suite named \"" + suiteName + "\" in " + workspaceFile));
          RegressionRun resumed = resumed(workspace, suite);
          RegressionRun baseline = baseline(workspace, suite, resumed);
          int turns = suite.cases().stream().mapToInt(c -> c.userTurnIndexes().size()).sum();
          int asking = resumed == null ? turns : turns - resumed.results().size();
          err.printf(
              resumed == null
                  ? "Running %d turn(s) of %d case(s) from suite \"%s\" (%s)...%n"
                  : "Resuming run "
                      + resumed.id()
                      + ": %d turn(s) of %d case(s) left in suite"
                      + " \"%s\" (%s)...%n",
              asking,
              suite.cases().size(),
              suite.name(),
              document.profile().id());
          err.flush();

          var cancellation = new CancellationToken();
          var finished = new CountDownLatch(1);
          Thread interruptHook =
              new Thread(
                  () -> {
                    // Ctrl-C or SIGTERM: stop at the next checkpoint, then store the run and
                    // write the reports before the JVM goes.
                    cancellation.cancel();
                    try {
                      finished.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
          Runtime.getRuntime().addShutdownHook(interruptHook);
          try {
            RegressionRun run;
            String storageProblem = "";
            try (RouteSelector selector = engine.open(err, document.profile())) {
              var progress = new ProgressPrinter(err, asking);
              var recorder = new StoringRunRecorder(workspace.runs());
              var runner = new RegressionRunner();
              try {
                run =
                    resumed == null
                        ? runner.run(
                            selector, document, suite, progress::completed, cancellation, recorder)
                        : runner.resume(
                            selector,
                            document,
                            suite,
                            resumed,
                            progress::completed,
                            cancellation,
                            recorder);
              } catch (ResumeRefusedException refused) {
                throw CliFailure.problems(refused.getMessage());
              } catch (StoringRunRecorder.RunStorageException partlyStored) {
                run = partlyStored.run();
                storageProblem = partlyStored.getMessage();
              }
              progress.done();
            }
            RunMetrics metrics = MetricsCalculator.compute(run);
            RunComparison comparison =
                baseline == null ? null : RunComparison.compare(baseline, run);
            printSummary(out, run, metrics, comparison, baseline);
            writeReports(run, suite, metrics, baseline, comparison);
            int code = exitCode(err, run, metrics, comparison);
            if (!storageProblem.isEmpty()) {
              err.println(
                  "the run was not fully stored in " + workspaceFile + ": " + storageProblem);
              code = 1;
            }
            return code;
          } finally {
            finished.countDown();
            try {
              Runtime.getRuntime().removeShutdownHook(interruptHook);
            } catch (IllegalStateException shuttingDown) {
              // The JVM is already exiting because of Ctrl-C; the hook is running.
            }
          }
        });
  }

  /** The run {@code --resume} names, or {@code null} without the option. */
  private RegressionRun resumed(Workspace workspace, TestSuite suite) {
    if (resume == null) {
      return null;
    }
    if (resume.equals("latest")) {
      return workspace.runs().listRuns(suite.id()).stream()
          .filter(summary -> summary.status().isResumable())
          .findFirst()
          .flatMap(summary -> workspace.runs().findRun(summary.id()))
          .orElseThrow(
              () ->
                  CliFailure.problems(
                      "suite \""
                          + suite.name()
                          + "\" has no interrupted, cancelled or failed run to resume"));
    }
    RegressionRun run =
        workspace
            .runs()
            .findRun(resume)
            .orElseThrow(
                () -> CliFailure.problems("no run with id " + resume + " in " + workspaceFile));
    if (!run.suiteId().equals(suite.id())) {
      throw CliFailure.problems(
          "run "
              + resume
              + " is a run of suite \""
              + run.suiteName()
              + "\", not of \""
              + suite.name()
              + "\"");
    }
    return run;
  }

  /** The run {@code --compare-to} names; "previous" never means the run being resumed. */
  private RegressionRun baseline(Workspace workspace, TestSuite suite, RegressionRun resumed) {
    if (compareTo == null) {
      return null;
    }
    if (compareTo.equals("previous")) {
      String excluded = resumed == null ? "" : resumed.id();
      return workspace.runs().listRuns(suite.id()).stream()
          .filter(summary -> !summary.id().equals(excluded))
          .findFirst()
          .flatMap(summary -> workspace.runs().findRun(summary.id()))
          .orElseThrow(
              () ->
                  CliFailure.problems(
                      "suite \"" + suite.name() + "\" has no earlier run to compare to"));
    }
    return workspace
        .runs()
        .findRun(compareTo)
        .orElseThrow(
            () -> CliFailure.problems("no run with id " + compareTo + " in " + workspaceFile));
  }

  private void writeReports(
      RegressionRun run,
      TestSuite suite,
      RunMetrics metrics,
      RegressionRun baseline,
      RunComparison comparison) {
    try {
      if (html != null) {
        AtomicFiles.writeString(
            html, RunHtmlReport.render(run, metrics, suite, baseline, comparison));
      }
      if (junit != null) {
        AtomicFiles.writeString(junit, JUnitXmlReport.render(run, suite));
      }
      if (json != null) {
        AtomicFiles.writeString(json, RunJsonReport.render(run, metrics, comparison));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int exitCode(
      PrintWriter err, RegressionRun run, RunMetrics metrics, RunComparison comparison) {
    int code = 0;
    if (run.status() == RunStatus.FAILED) {
      err.println("run failed: " + run.failureMessage());
      code = 1;
    }
    if (run.status() == RunStatus.CANCELLED) {
      err.println(
          "run "
              + run.id()
              + " cancelled after "
              + run.results().size()
              + " turn(s); the results so far are stored (complete it with --resume "
              + run.id()
              + ")");
      code = 1;
    }
    if (failUnder != null) {
      double value =
          switch (metric) {
            case turn -> metrics.turnAccuracy();
            case span -> metrics.spanAccuracy();
            case conversation -> metrics.conversationAccuracy();
            case overall -> metrics.overall();
          };
      if (value < failUnder) {
        err.printf(
            Locale.ROOT, "%s accuracy %.4f is below --fail-under %.4f%n", metric, value, failUnder);
        code = 1;
      }
    }
    if (comparison != null && comparison.hasRegressions()) {
      err.println(
          comparison.regressions().size()
              + " turn(s) regressed (pass -> fail) against the compared run");
      code = 1;
    }
    err.flush();
    return code;
  }

  private static void printSummary(
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
    out.printf(
        Locale.ROOT,
        "turn accuracy          %6.2f%%  (%d/%d)%n",
        100 * metrics.turnAccuracy(),
        metrics.passedTurns(),
        metrics.turns());
    out.printf(
        Locale.ROOT,
        "span accuracy          %6.2f%%  (%d/%d)%n",
        100 * metrics.spanAccuracy(),
        metrics.passedSpans(),
        metrics.spans());
    out.printf(
        Locale.ROOT,
        "conversation accuracy  %6.2f%%  (%d/%d)%n",
        100 * metrics.conversationAccuracy(),
        metrics.passedConversations(),
        metrics.conversations());
    out.printf(Locale.ROOT, "overall                %6.2f%%%n", 100 * metrics.overall());
    out.printf(
        Locale.ROOT,
        "irrelevance (other)    %6.2f%%  (%d/%d)%n",
        100 * metrics.irrelevance().accuracy(),
        metrics.irrelevance().passed(),
        metrics.irrelevance().total());
    out.printf(
        "proxy errors           %6d   (turns whose request the proxy would fail with HTTP 500)%n",
        metrics.proxyErrors());
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
    var failures = run.results().stream().filter(r -> !r.passed()).toList();
    if (!failures.isEmpty()) {
      out.println();
      out.println("failed turns:");
      failures.stream()
          .limit(20)
          .forEach(
              r ->
                  out.printf(
                      "  %s, turn %d: expected \"%s\", %s%n",
                      r.caseName(),
                      r.turnIndex() + 1,
                      r.expected(),
                      r.proxyError()
                          ? "proxy error (HTTP 500) on " + r.rawOutput()
                          : "routed to \"" + r.actual() + "\""));
      if (failures.size() > 20) {
        out.printf("  ... and %d more (see --json / --junit)%n", failures.size() - 20);
      }
    }
    if (comparison != null) {
      out.println();
      out.printf(
          "compared to run %s: %d regression(s), %d fix(es)%n",
          baseline.id(), comparison.regressions().size(), comparison.fixes().size());
      printChanges(out, "pass -> fail", comparison.regressions());
      printChanges(out, "fail -> pass", comparison.fixes());
    }
    out.flush();
  }

  private static void printChanges(PrintWriter out, String label, List<TurnChange> changes) {
    for (TurnChange change : changes) {
      out.printf(
          "  %s  %s, turn %d: expected \"%s\", was \"%s\", now \"%s\"%n",
          label,
          change.caseName(),
          change.turnIndex() + 1,
          change.expected(),
          change.baselineActual(),
          change.candidateActual());
    }
  }

  /** A progress line on stderr at most every 10% (and at the end), for long runs. */
  private static final class ProgressPrinter {
    private final PrintWriter err;
    private final int total;
    private final long start = System.nanoTime();
    private int lastDecile = -1;

    ProgressPrinter(PrintWriter err, int total) {
      this.err = err;
      this.total = total;
    }

    void completed(int index, io.routebench.core.routing.RouterAnswer answer, int done, int all) {
      int decile = total == 0 ? 10 : done * 10 / total;
      if (decile != lastDecile) {
        lastDecile = decile;
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "  %d/%d turns (%.0f s)%n", done, total, seconds);
        err.flush();
      }
    }

    void done() {
      err.flush();
    }
  }
}
