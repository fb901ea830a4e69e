package io.routebench.app.parity;

import io.routebench.core.parity.ParityReport;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import java.util.Locale;

/** How a parity run is put into words, the same in the workbench and on the command line. */
public final class ParityWords {

  private ParityWords() {}

  /** e.g. "parity 83.3% (10 of 12 turns routed alike)". */
  public static String rate(ParityReport report) {
    return String.format(
            Locale.ROOT,
            "parity %.1f%% (%d of %d turns routed alike)",
            100 * report.parityRate(),
            report.agreeingTurns(),
            report.comparedTurns())
        + (report.isComplete() ? "" : " — incomplete: " + incompleteness(report));
  }

  /** e.g. "code generation (matched)" or "(proxy error): plano answered HTTP 500: ...". */
  public static String answer(TurnResult turn) {
    String outcome = turn.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return turn.actual() + " (" + outcome + ")";
  }

  /** A router in a few words, e.g. "llama.cpp arch-router.gguf". */
  public static String router(RegressionRun run) {
    return run.engine().kind() + " " + run.engine().model();
  }

  private static String incompleteness(ParityReport report) {
    var parts = new StringBuilder();
    describe(parts, "plano", report.plano());
    describe(parts, "the router", report.other());
    return parts.toString();
  }

  private static void describe(StringBuilder parts, String who, RegressionRun run) {
    if (run.status() == RunStatus.COMPLETED) {
      return;
    }
    if (!parts.isEmpty()) {
      parts.append("; ");
    }
    parts
        .append(who)
        .append(' ')
        .append(run.status().name().toLowerCase(Locale.ROOT))
        .append(run.failureMessage().isEmpty() ? "" : " (" + run.failureMessage() + ")");
  }
}
