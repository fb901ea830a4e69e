package io.routebench.app.cli;

import io.routebench.core.run.Metric;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.RunStatus;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Whether a finished {@code routebench test} run lets CI pass: its exit status, with the reason on
 * stderr. A run that did not complete could not run (3), whatever its partial results say.
 * Otherwise the gates given decide; without any, every turn must pass, as a test runner's would.
 *
 * @param failUnder {@code --fail-under}: the least {@code metric} may be, or {@code null}
 * @param metric the share metric {@code --fail-under} applies to
 * @param comparesToRun whether {@code --compare-to} was given: then a pass→fail turn fails
 */
record RunGate(Double failUnder, Metric metric, boolean comparesToRun) {

  /**
   * @param comparison the run against the {@code --compare-to} run, or {@code null}
   */
  ExitStatus judge(
      PrintWriter err, RegressionRun run, RunMetrics metrics, RunComparison comparison) {
    try {
      if (run.status() == RunStatus.FAILED) {
        err.println("run failed: " + run.failureMessage());
        return ExitStatus.COULD_NOT_RUN;
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
        return ExitStatus.COULD_NOT_RUN;
      }
      boolean gateFailed = false;
      if (failUnder != null) {
        double value = metric.value(metrics);
        if (value < failUnder) {
          err.printf(
              Locale.ROOT,
              "%s %.4f is below --fail-under %.4f%n",
              metric.label(),
              value,
              failUnder);
          gateFailed = true;
        }
      }
      if (comparison != null && comparison.hasRegressions()) {
        err.println(
            comparison.regressions().size()
                + " turn(s) regressed (pass -> fail) against the compared run");
        gateFailed = true;
      }
      if (failUnder == null && !comparesToRun) {
        int failed = metrics.turns() - metrics.passedTurns();
        if (failed > 0) {
          err.println(
              failed
                  + " of "
                  + metrics.turns()
                  + " turn(s) missed their expected route (a gate such as --fail-under 0.9"
                  + " accepts some)");
          gateFailed = true;
        }
      }
      return gateFailed ? ExitStatus.FAILED : ExitStatus.OK;
    } finally {
      err.flush();
    }
  }
}
