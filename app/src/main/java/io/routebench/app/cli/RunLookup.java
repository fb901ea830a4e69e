package io.routebench.app.cli;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuite;
import java.nio.file.Path;

/**
 * Finds the stored runs of a suite that {@code routebench test}'s {@code --resume} and {@code
 * --compare-to} name, by id or by a word ("latest", "previous"); a name that fits no run is a usage
 * error that says which.
 *
 * @param workspaceFile where the runs are stored, for the error messages
 */
record RunLookup(RegressionRunRepository runs, Path workspaceFile, TestSuite suite) {

  /** The run {@code --resume} names: its id, or "latest" for the newest resumable run. */
  RegressionRun toResume(String resume) {
    if (resume.equals("latest")) {
      return runs.listRuns(suite.id()).stream()
          .filter(summary -> summary.status().isResumable())
          .findFirst()
          .flatMap(summary -> runs.findRun(summary.id()))
          .orElseThrow(
              () ->
                  CliFailure.usage(
                      "suite \""
                          + suite.name()
                          + "\" has no interrupted, cancelled or failed run to resume"));
    }
    RegressionRun run =
        runs.findRun(resume)
            .orElseThrow(
                () -> CliFailure.usage("no run with id " + resume + " in " + workspaceFile));
    if (!run.suiteId().equals(suite.id())) {
      throw CliFailure.usage(
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

  /**
   * The run {@code --compare-to} names: its id, or "previous" for the suite's newest run, which
   * never means the run being resumed.
   *
   * @param resumed the run being resumed, or {@code null}
   */
  RegressionRun baseline(String compareTo, RegressionRun resumed) {
    if (compareTo.equals("previous")) {
      String excluded = resumed == null ? "" : resumed.id();
      return runs.listRuns(suite.id()).stream()
          .filter(summary -> !summary.id().equals(excluded))
          .findFirst()
          .flatMap(summary -> runs.findRun(summary.id()))
          .orElseThrow(
              () ->
                  CliFailure.usage(
                      "suite \"" + suite.name() + "\" has no earlier run to compare to"));
    }
    return runs.findRun(compareTo)
        .orElseThrow(
            () -> CliFailure.usage("no run with id " + compareTo + " in " + workspaceFile));
  }
}
