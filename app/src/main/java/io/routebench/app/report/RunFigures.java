package io.routebench.app.report;

import java.util.Locale;

/**
 * How the workbench writes a run's figures, in the window and in the HTML report alike, so that
 * both show the same number the same way: "75.0%", "0.667", "+2.5 pts".
 */
public final class RunFigures {

  private RunFigures() {}

  /** A 0..1 fraction as a percentage with one decimal, e.g. {@code 75.0%}. */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** A 0..1 score (precision, recall, F1) with three decimals, e.g. {@code 0.667}. */
  public static String ratio(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** A change of a 0..1 fraction in percentage points, signed, e.g. {@code +2.5 pts}. */
  public static String points(double fractionDelta) {
    return String.format(Locale.ROOT, "%+.1f pts", 100 * fractionDelta);
  }
}
