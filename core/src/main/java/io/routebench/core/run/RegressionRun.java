package io.routebench.core.run;

import io.routebench.core.routing.EngineIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a test suite against an engine: the history entry regressions are measured on.
 *
 * @param id stable identity (UUID text)
 * @param results per user turn, in suite order
 * @param failureMessage why the run failed, or {@code ""}
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
    List<TurnResult> results) {

  public RegressionRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(suiteId, "suiteId");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
    failureMessage = failureMessage == null ? "" : failureMessage;
    results = List.copyOf(results);
  }
}
