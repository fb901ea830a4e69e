package io.routebench.core.run;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Persists regression runs: the history that comparisons and trends are drawn from. */
public interface RegressionRunRepository {

  /** Stores a whole run, replacing a stored run with the same id. */
  void save(RegressionRun run);

  /**
   * Stores a run that is about to be answered: its header with status {@link RunStatus#RUNNING},
   * owned by this process until {@link #finishRun}, and the results it has already (a resumed run),
   * which replace those stored for it. A {@code RUNNING} run whose process is gone reads back as
   * {@link RunStatus#INTERRUPTED}.
   *
   * @param results by ordinal: the turn's position among the suite's user turns
   */
  void startRun(RegressionRun header, SortedMap<Integer, TurnResult> results);

  /**
   * Adds answers to a running run in one transaction.
   *
   * @param results by ordinal: the turn's position among the suite's user turns
   */
  void appendResults(String runId, SortedMap<Integer, TurnResult> results);

  /** Records how a run ended; its results stay as appended. */
  void finishRun(String runId, RunStatus status, long durationMillis, String failureMessage);

  /** Runs of a suite, newest first, without their per-turn results. */
  List<RunSummary> listRuns(String suiteId);

  /** A run with its results in suite order. */
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
