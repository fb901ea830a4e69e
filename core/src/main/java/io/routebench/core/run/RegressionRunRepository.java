package io.routebench.core.run;

import java.util.List;
import java.util.Optional;

/** Persists regression runs: the history that comparisons and trends are drawn from. */
public interface RegressionRunRepository {

  void save(RegressionRun run);

  /** Runs of a suite, newest first, without their per-turn results. */
  List<RunSummary> listRuns(String suiteId);

  Optional<RegressionRun> findRun(String runId);

  void deleteRun(String runId);

  /** A run's header for history lists. */
  record RunSummary(
      String id,
      String suiteId,
      java.time.Instant startedAt,
      RunStatus status,
      String engineKind,
      String model,
      String profile,
      int turns,
      int passedTurns) {}
}
