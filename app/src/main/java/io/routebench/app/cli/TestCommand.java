package io.routebench.app.cli;

import io.routebench.app.files.AtomicFiles;
import io.routebench.app.report.RunHtmlReport;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.run.Metric;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.ResumeRefusedException;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.StoringRunRecorder;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Runs a test suite headless, stores the run in the workspace, prints the paper's"
            + " metrics and writes JUnit XML / JSON / HTML reports: the way to gate a routing config"
            + " in CI. Without a gate option, exits 1 when any turn failed; with --fail-under"
            + " and/or --compare-to, exits 1 only when such a gate fails (--fail-under 0 never"
            + " fails on accuracy). Exits 3 when the run could not complete (router unreachable).")
final class TestCommand implements Callable<Integer> {

  /** How long Ctrl-C or SIGTERM waits for the run to stop and be stored. */
  private static final int SHUTDOWN_GRACE_SECONDS = 20;

  @Spec CommandSpec spec;

  @Mixin WorkspaceOption workspaceOption;

  @Mixin SuiteOption suiteOption;

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
      description =
          "exit 1 when the chosen metric is below this (0..1) instead of on any failed turn;"
              + " 0 accepts any accuracy")
  Double failUnder;

  @Option(
      names = "--metric",
      defaultValue = "turn",
      converter = ShareMetricConverter.class,
      description =
          "metric --fail-under applies to: turn (default), span, conversation, overall,"
              + " irrelevance")
  Metric metric;

  /** The metrics of the table that are shares, so that a ratio threshold means something. */
  static final class ShareMetricConverter implements ITypeConverter<Metric> {
    @Override
    public Metric convert(String value) {
      Metric metric;
      try {
        metric = Metric.fromId(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException(unknown.getMessage());
      }
      if (metric.unit() != Metric.Unit.SHARE) {
        throw new TypeConversionException(
            "'" + value + "' is a count of turns, not a share: --fail-under takes a share metric");
      }
      return metric;
    }
  }

  @Option(
      names = "--compare-to",
      paramLabel = "RUN",
      description =
          "a run id, or 'previous' for the suite's latest earlier run; exit 1 on any pass→fail"
              + " turn (and, without --fail-under, not on turns that failed before too)")
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
    Path workspaceFile = workspaceOption.file;
    String suiteName = suiteOption.name;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (failUnder != null && (failUnder < 0 || failUnder > 1)) {
      throw CliFailure.usage("--fail-under takes a ratio between 0 and 1, e.g. 0.95");
    }
    return WorkspaceFiles.withWorkspace(
        workspaceFile,
        err,
        workspace -> {
          // Everything that can refuse the run is checked before the first turn is asked.
          if (workspace.isReadOnly()) {
            throw CliFailure.couldNotRun(
                workspaceFile
                    + " is read-only (file, folder or disk), so the run could not be stored;"
                    + " copy the workspace somewhere writable");
          }
          PolicyDocument document =
              WorkspaceInputs.validPolicies(workspace, workspaceFile, err, "running a suite");
          TestSuite suite = WorkspaceInputs.suiteNamed(workspace, workspaceFile, suiteName);
          var lookup = new RunLookup(workspace.runs(), workspaceFile, suite);
          RegressionRun resumed = resume == null ? null : lookup.toResume(resume);
          RegressionRun baseline = compareTo == null ? null : lookup.baseline(compareTo, resumed);
          int turns = suite.cases().stream().mapToInt(c -> c.userTurnIndexes().size()).sum();
          int asking = resumed == null ? turns : turns - resumed.results().size();
          err.printf(
              resumed == null
                  ? "Running %d turn(s) of %d case(s) from suite \"%s\" (%s, served by %s)...%n"
                  : "Resuming run "
                      + resumed.id()
                      + ": %d turn(s) of %d case(s) left in suite"
                      + " \"%s\" (%s, served by %s)...%n",
              asking,
              suite.cases().size(),
              suite.name(),
              document.profile().id(),
              engine.wrapping.resolve(document.promptWrapping()).summary());
          err.flush();

          var cancellation = new CancellationToken();
          var finished = new CountDownLatch(1);
          Thread interruptHook =
              Thread.ofPlatform()
                  .name("routebench-test-interrupt")
                  .unstarted(
                      () -> {
                        // Ctrl-C or SIGTERM: stop at the next checkpoint, then store the run and
                        // write the reports before the JVM goes; but never wait without end (the
                        // run is stored as it goes, so a stuck last step loses nothing stored).
                        cancellation.cancel();
                        try {
                          finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      });
          Runtime.getRuntime().addShutdownHook(interruptHook);
          try {
            RegressionRun run;
            String storageProblem = "";
            try (RouteSelector selector =
                engine.open(err, document.profile(), document.promptWrapping())) {
              var progress = new TurnProgressPrinter(err, asking);
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
                throw CliFailure.usage(refused.getMessage());
              } catch (StoringRunRecorder.RunStorageException partlyStored) {
                run = partlyStored.run();
                storageProblem = partlyStored.getMessage();
              }
              progress.done();
            }
            RunMetrics metrics = MetricsCalculator.compute(run);
            RunComparison comparison =
                baseline == null ? null : RunComparison.compare(baseline, run);
            RunSummaryText.print(out, run, metrics, comparison, baseline);
            writeReports(run, suite, metrics, baseline, comparison);
            ExitStatus status =
                new RunGate(failUnder, metric, compareTo != null)
                    .judge(err, run, metrics, comparison);
            if (!storageProblem.isEmpty()) {
              err.println(
                  "the run was not fully stored in " + workspaceFile + ": " + storageProblem);
              status = ExitStatus.COULD_NOT_RUN;
            }
            return status.code();
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
}
