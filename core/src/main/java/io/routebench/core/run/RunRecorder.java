package io.routebench.core.run;

import java.util.SortedMap;

/**
 * Keeps a run while it is being made, so that a crash loses at most the last moments of answers:
 * the header when the run starts, each answer as it arrives, the outcome at the end. Storage
 * implements it over the workspace file; {@link #NONE} keeps nothing.
 *
 * <p>{@link #answered} is called on the engine's thread, so implementations must be quick and
 * thread-safe; the other two are called on the thread running the run.
 */
public interface RunRecorder {

  RunRecorder NONE =
      new RunRecorder() {
        @Override
        public void started(RegressionRun header, SortedMap<Integer, TurnResult> results) {}

        @Override
        public void answered(String runId, int ordinal, TurnResult result) {}

        @Override
        public void finished(RegressionRun run) {}
      };

  /**
   * The run begins (status {@link RunStatus#RUNNING}).
   *
   * @param results the answers it has already, by ordinal: none for a new run, the kept ones for a
   *     resumed run
   */
  void started(RegressionRun header, SortedMap<Integer, TurnResult> results);

  /**
   * One user turn was answered.
   *
   * @param ordinal the turn's position among the suite's user turns, which orders the results
   */
  void answered(String runId, int ordinal, TurnResult result);

  /**
   * The run ended, however it ended; everything answered must be kept before this returns.
   *
   * @param run the whole run with its final status and every result
   */
  void finished(RegressionRun run);
}
