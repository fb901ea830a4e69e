package io.routebench.core.parity;

import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.util.Objects;

/**
 * Runs one suite through plano and through another router, the way a regression run does ({@link
 * RegressionRunner}: the same requests, the same reading of each answer), and compares the two. The
 * runs are not stored: a parity run checks a router, it is not a result of the suite.
 *
 * <p>The other router goes first: it is the one a user iterates on, and when plano cannot be
 * reached its failure still leaves that run to show.
 */
public final class ParityRunner {

  /** Hears each answer of both runs; {@code done} and {@code total} count both runs' turns. */
  @FunctionalInterface
  public interface Progress {
    void answered(Side side, int done, int total);
  }

  /** Which router answered. */
  public enum Side {
    PLANO,
    OTHER
  }

  private final RegressionRunner runner;

  public ParityRunner(RegressionRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  public ParityRunner() {
    this(new RegressionRunner());
  }

  /**
   * Blocks until both runs ended. A cancel stops the run in progress (and plano's when it comes
   * first); the report then compares the turns both answered.
   */
  public ParityReport run(
      RouteSelector plano,
      RouteSelector other,
      PolicyDocument document,
      TestSuite suite,
      Progress progress,
      CancellationToken cancellation) {
    int turns = suite.cases().stream().mapToInt(c -> c.userTurnIndexes().size()).sum();
    int total = 2 * turns;
    RegressionRun otherRun =
        runner.run(other, document, suite, counting(progress, Side.OTHER, 0, total), cancellation);
    // After a cancel the token stops plano's run before its first request: it ends cancelled.
    RegressionRun planoRun =
        runner.run(
            plano, document, suite, counting(progress, Side.PLANO, turns, total), cancellation);
    return ParityReport.compare(planoRun, otherRun);
  }

  private static BatchProgressListener counting(
      Progress progress, Side side, int before, int total) {
    return (index, answer, done, all) -> progress.answered(side, before + done, total);
  }
}
