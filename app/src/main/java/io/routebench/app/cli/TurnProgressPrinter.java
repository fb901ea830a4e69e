package io.routebench.app.cli;

import io.routebench.core.routing.RouterAnswer;
import java.io.PrintWriter;
import java.util.Locale;

/** A progress line on stderr at most every 10% of a run's turns (and at the end), for long runs. */
final class TurnProgressPrinter {

  private final PrintWriter err;
  private final int total;
  private final long start = System.nanoTime();
  private int lastDecile = -1;

  /**
   * @param total the turns the run will ask
   */
  TurnProgressPrinter(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
  }

  /** A {@code RegressionRunner} progress callback. */
  void completed(int index, RouterAnswer answer, int done, int all) {
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
