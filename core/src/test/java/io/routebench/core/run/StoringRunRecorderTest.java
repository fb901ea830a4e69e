package io.routebench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StoringRunRecorderTest {

  /**
   * The flush delay bounds what a crash can lose while answers arrive; once the run has ended there
   * is nothing to wait for. Waiting cost every run up to a second at its end (the window's and
   * {@code routebench test}'s alike): with an hour's delay it would block until the writer gives
   * up.
   */
  @Test
  void the_end_of_a_run_commits_its_last_answers_at_once_without_waiting_for_the_delay() {
    var runs = new RecordingRuns();
    var recorder = new StoringRunRecorder(runs, Duration.ofHours(1));
    TurnResult answer = Turns.turn("c1", 0, "code generation", "code generation");
    RegressionRun run = run(RunStatus.COMPLETED, List.of(answer));
    recorder.started(run(RunStatus.RUNNING, List.of()), new TreeMap<>());
    recorder.answered(run.id(), 0, answer);

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> recorder.finished(run));

    assertThat(runs.appended).containsExactly(answer);
    assertThat(runs.finished).containsExactly(RunStatus.COMPLETED);
  }

  private static RegressionRun run(RunStatus status, List<TurnResult> results) {
    return new RegressionRun(
        "run-1",
        "suite",
        "suite",
        new EngineIdentity("fake", "m.gguf", "", PromptProfile.ARCHGW_V1, Map.of()),
        Instant.EPOCH,
        0,
        status,
        "",
        results);
  }

  /** Remembers what was stored, in order. */
  private static final class RecordingRuns implements RegressionRunRepository {
    final List<TurnResult> appended = new ArrayList<>();
    final List<RunStatus> finished = new ArrayList<>();

    @Override
    public synchronized void save(RegressionRun run) {
      throw new AssertionError("only a failed flush stores the whole run again");
    }

    @Override
    public synchronized void startRun(
        RegressionRun header, SortedMap<Integer, TurnResult> results) {}

    @Override
    public synchronized void appendResults(String runId, SortedMap<Integer, TurnResult> results) {
      appended.addAll(results.values());
    }

    @Override
    public synchronized void finishRun(
        String runId, RunStatus status, long durationMillis, String failureMessage) {
      finished.add(status);
    }

    @Override
    public List<RunSummary> listRuns(String suiteId) {
      return List.of();
    }

    @Override
    public Optional<RegressionRun> findRun(String runId) {
      return Optional.empty();
    }

    @Override
    public void deleteRun(String runId) {
      throw new UnsupportedOperationException();
    }
  }
}
