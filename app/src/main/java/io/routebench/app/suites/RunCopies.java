package io.routebench.app.suites;

import io.routebench.core.run.RegressionRun;

/** Copies of stored runs, for restoring a deleted suite's history under its new id. */
final class RunCopies {

  private RunCopies() {}

  static RegressionRun underSuite(RegressionRun run, String suiteId) {
    return new RegressionRun(
        run.id(),
        suiteId,
        run.suiteName(),
        run.engine(),
        run.startedAt(),
        run.durationMillis(),
        run.status(),
        run.failureMessage(),
        run.results(),
        run.policies());
  }
}
