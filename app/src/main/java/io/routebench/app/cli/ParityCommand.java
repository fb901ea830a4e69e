package io.routebench.app.cli;

import io.routebench.app.files.AtomicFiles;
import io.routebench.app.parity.ParityJsonReport;
import io.routebench.app.parity.ParityWords;
import io.routebench.core.parity.ParityReport;
import io.routebench.core.parity.ParityRunner;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "parity",
    mixinStandardHelpOptions = true,
    description =
        "Runs a test suite through a running plano (--plano) and through a router model (--model"
            + " or --endpoint), and lists every turn the two route apart, with both answers."
            + " Prints the parity rate; exits 1 when a run fails or below --fail-under. Nothing"
            + " is stored in the workspace.")
final class ParityCommand implements Callable<Integer> {

  /** Differences printed before "... and N more" sends the reader to --json. */
  private static final int PRINTED_DIFFERENCES = 50;

  @Spec CommandSpec spec;

  @Option(names = "--workspace", required = true, paramLabel = "W")
  Path workspaceFile;

  @Option(names = "--suite", required = true, paramLabel = "NAME")
  String suiteName;

  @Mixin EngineOptions engine;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "write every difference, with both answers, as JSON")
  Path json;

  @Option(
      names = "--fail-under",
      paramLabel = "RATIO",
      description = "exit 1 when the parity rate is below this (0..1)")
  Double failUnder;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    engine.requireParityPair();
    if (failUnder != null && (failUnder < 0 || failUnder > 1)) {
      throw new CliFailure("--fail-under takes a ratio between 0 and 1, e.g. 0.95", 2);
    }
    // A parity run stores nothing: the workspace is only read.
    return WorkspaceFiles.readingWorkspace(
        workspaceFile,
        workspace -> {
          PolicyDocument document =
              WorkspaceInputs.validPolicies(workspace, workspaceFile, err, "a parity run");
          TestSuite suite = WorkspaceInputs.suiteNamed(workspace, workspaceFile, suiteName);
          ParityReport parity;
          try (RouteSelector plano = engine.openPlano(err, document.profile());
              RouteSelector other = engine.openRouterModel(err, document.promptWrapping())) {
            int turns = suite.cases().stream().mapToInt(c -> c.userTurnIndexes().size()).sum();
            err.printf(
                "Parity run of %d turn(s) from suite \"%s\": %s and %s%n",
                turns,
                suite.name(),
                plano.identity(document.profile()).model(),
                other.identity(document.profile()).model());
            err.flush();
            var progress = new Progress(err);
            parity =
                new ParityRunner()
                    .run(
                        plano, other, document, suite, progress::answered, new CancellationToken());
          }
          print(out, parity);
          if (json != null) {
            try {
              AtomicFiles.writeString(json, ParityJsonReport.render(parity));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return exitCode(err, parity);
        });
  }

  private int exitCode(PrintWriter err, ParityReport parity) {
    int code = 0;
    if (!parity.isComplete()) {
      err.println("the parity run is incomplete: " + ParityWords.rate(parity));
      code = 1;
    }
    if (failUnder != null && parity.parityRate() < failUnder) {
      err.printf(
          Locale.ROOT, "parity %.4f is below --fail-under %.4f%n", parity.parityRate(), failUnder);
      code = 1;
    }
    err.flush();
    return code;
  }

  private static void print(PrintWriter out, ParityReport parity) {
    out.println(ParityWords.rate(parity));
    out.printf("plano:  %s%n", ParityWords.router(parity.plano()));
    out.printf("router: %s%n", ParityWords.router(parity.other()));
    if (!parity.differences().isEmpty()) {
      out.println();
      out.println("turns routed apart:");
      parity.differences().stream()
          .limit(PRINTED_DIFFERENCES)
          .forEach(
              d -> {
                out.printf(
                    "  %s, turn %d: expected \"%s\"%n",
                    d.caseName(), d.turnIndex() + 1, d.expected());
                out.printf(
                    "    plano:  %s  %s%n", ParityWords.answer(d.plano()), d.plano().rawOutput());
                out.printf(
                    "    router: %s  %s%n", ParityWords.answer(d.other()), d.other().rawOutput());
              });
      if (parity.differences().size() > PRINTED_DIFFERENCES) {
        out.printf(
            "  ... and %d more (see --json)%n", parity.differences().size() - PRINTED_DIFFERENCES);
      }
    }
    out.flush();
  }

  /** A progress line on stderr at most every 10% of both runs' answers. */
  private static final class Progress {
    private final PrintWriter err;
    private int lastDecile = -1;

    Progress(PrintWriter err) {
      this.err = err;
    }

    void answered(ParityRunner.Side side, int done, int total) {
      int decile = total == 0 ? 10 : done * 10 / total;
      if (decile != lastDecile) {
        lastDecile = decile;
        err.printf("  %d/%d answers (%s)%n", done, total, side.name().toLowerCase(Locale.ROOT));
        err.flush();
      }
    }
  }
}
