package io.routebench.core.run;

import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.workspace.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of a test suite against an engine: the history entry regressions are measured on.
 *
 * @param id stable identity (UUID text)
 * @param results per user turn, in suite order (a resumed run's too)
 * @param failureMessage why the run failed, or {@code ""}
 * @param policies the policies the run was made with, or {@code null} for runs recorded before
 *     RouteBench kept them (schema version 2 and earlier)
 */
public record RegressionRun(
    String id,
    String suiteId,
    String suiteName,
    EngineIdentity engine,
    Instant startedAt,
    long durationMillis,
    RunStatus status,
    String failureMessage,
    List<TurnResult> results,
    PolicyDocument policies) {

  public RegressionRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(suiteId, "suiteId");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
    failureMessage = failureMessage == null ? "" : failureMessage;
    results = List.copyOf(results);
  }

  /** A run whose policies were not recorded. */
  public RegressionRun(
      String id,
      String suiteId,
      String suiteName,
      EngineIdentity engine,
      Instant startedAt,
      long durationMillis,
      RunStatus status,
      String failureMessage,
      List<TurnResult> results) {
    this(
        id,
        suiteId,
        suiteName,
        engine,
        startedAt,
        durationMillis,
        status,
        failureMessage,
        results,
        null);
  }

  /** What the router was shown, when the run recorded its policies. */
  public Optional<RouterView> routerView() {
    return Optional.ofNullable(policies).map(RouterView::of);
  }

  public RegressionRun withResults(List<TurnResult> newResults) {
    return new RegressionRun(
        id,
        suiteId,
        suiteName,
        engine,
        startedAt,
        durationMillis,
        status,
        failureMessage,
        newResults,
        policies);
  }

  public RegressionRun withOutcome(RunStatus newStatus, long newDurationMillis, String failure) {
    return new RegressionRun(
        id,
        suiteId,
        suiteName,
        engine,
        startedAt,
        newDurationMillis,
        newStatus,
        failure,
        results,
        policies);
  }
}
