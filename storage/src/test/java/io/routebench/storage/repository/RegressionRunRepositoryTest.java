package io.routebench.storage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.run.RegressionRunRepository.RunSummary;
import io.routebench.core.run.RunStatus;
import io.routebench.core.suite.TestSuite;
import io.routebench.storage.RawSqlite;
import io.routebench.storage.Samples;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionRunRepositoryTest {

  private static final Instant MONDAY = Instant.parse("2025-03-03T09:00:00.123456789Z");
  private static final Instant TUESDAY = Instant.parse("2025-03-04T09:00:00Z");
  private static final Instant WEDNESDAY = Instant.parse("2025-03-05T09:00:00.5Z");

  @TempDir Path dir;
  private Path file;
  private Workspace workspace;
  private RegressionRunRepository runs;
  private TestSuite suite;

  @BeforeEach
  void createWorkspace() {
    file = dir.resolve("runs.routebench");
    workspace = WorkspaceFile.create(file);
    runs = workspace.runs();
    suite = workspace.suites().createSuite("smoke", "");
    workspace.suites().addCases(suite.id(), Samples.testCases("case", 2));
  }

  @AfterEach
  void closeWorkspace() {
    workspace.close();
  }

  @Test
  void a_run_comes_back_with_every_field_and_its_results_in_order() {
    RegressionRun run = Samples.run("run-1", suite.id(), MONDAY, 2);

    runs.save(run);

    assertThat(runs.findRun("run-1")).contains(run);
    assertThat(runs.findRun("run-1").orElseThrow().startedAt()).isEqualTo(MONDAY);
  }

  @Test
  void a_run_being_made_is_stored_answer_by_answer_and_then_finished() {
    RegressionRun whole = withPolicies(Samples.run("run-1", suite.id(), MONDAY, 2));
    RegressionRun header = whole.withResults(List.of()).withOutcome(RunStatus.RUNNING, 0, "");

    runs.startRun(header, new TreeMap<>());
    assertThat(runs.listRuns(suite.id()))
        .extracting(RunSummary::status, RunSummary::turns)
        .containsExactly(tuple(RunStatus.RUNNING, 0));

    // Answers arrive out of suite order; they are read back in it.
    runs.appendResults("run-1", new TreeMap<>(Map.of(3, whole.results().get(3))));
    runs.appendResults(
        "run-1", new TreeMap<>(Map.of(0, whole.results().get(0), 1, whole.results().get(1))));
    runs.appendResults("run-1", new TreeMap<>(Map.of(2, whole.results().get(2))));
    assertThat(runs.findRun("run-1").orElseThrow().results()).isEqualTo(whole.results());
    assertThat(runs.findRun("run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

    runs.finishRun("run-1", whole.status(), whole.durationMillis(), whole.failureMessage());

    assertThat(runs.findRun("run-1")).contains(whole);
  }

  @Test
  void a_running_run_whose_process_is_gone_reads_back_as_interrupted_with_its_answers() {
    RegressionRun whole = withPolicies(Samples.run("run-1", suite.id(), MONDAY, 2));
    runs.startRun(
        whole.withResults(List.of()).withOutcome(RunStatus.RUNNING, 0, ""),
        new TreeMap<>(Map.of(0, whole.results().get(0))));
    String deadOwner = RunOwner.thisProcess().host() + "/" + Integer.MAX_VALUE + "/1";
    RawSqlite.execute(file, "UPDATE runs SET owner = '" + deadOwner + "' WHERE id = 'run-1'");

    RegressionRun read = runs.findRun("run-1").orElseThrow();

    assertThat(read.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(read.results()).containsExactly(whole.results().get(0));
    assertThat(runs.listRuns(suite.id()))
        .extracting(RunSummary::status)
        .containsExactly(RunStatus.INTERRUPTED);
  }

  @Test
  void a_run_keeps_the_policies_it_was_made_with() {
    RegressionRun run = withPolicies(Samples.run("run-1", suite.id(), MONDAY, 2));

    runs.save(run);

    assertThat(runs.findRun("run-1").orElseThrow().policies()).isEqualTo(Samples.fullDocument());
  }

  private static RegressionRun withPolicies(RegressionRun run) {
    return new RegressionRun(
        run.id(),
        run.suiteId(),
        run.suiteName(),
        run.engine(),
        run.startedAt(),
        run.durationMillis(),
        run.status(),
        run.failureMessage(),
        run.results(),
        Samples.fullDocument());
  }

  @Test
  void unknown_runs_are_not_found() {
    assertThat(runs.findRun("nope")).isEmpty();
  }

  @Test
  void history_lists_a_suites_runs_newest_first_with_tallies_from_sql() {
    TestSuite other = workspace.suites().createSuite("other", "");
    // Fractions of different lengths: text order must still be time order.
    runs.save(Samples.run("tuesday", suite.id(), TUESDAY, 4));
    runs.save(Samples.run("monday", suite.id(), MONDAY, 1));
    runs.save(Samples.run("wednesday", suite.id(), WEDNESDAY, 3));
    runs.save(Samples.run("elsewhere", other.id(), TUESDAY, 0));

    assertThat(runs.listRuns(suite.id()))
        .containsExactly(
            summary("wednesday", WEDNESDAY, RunStatus.CANCELLED, 3),
            summary("tuesday", TUESDAY, RunStatus.COMPLETED, 4),
            summary("monday", MONDAY, RunStatus.CANCELLED, 1));
    assertThat(runs.listRuns("no-such-suite")).isEmpty();
  }

  @Test
  void a_run_without_results_counts_zero_turns() {
    RegressionRun failed =
        new RegressionRun(
            "failed",
            suite.id(),
            "smoke",
            Samples.engine(),
            MONDAY,
            12,
            RunStatus.FAILED,
            "model file not found",
            List.of());

    runs.save(failed);

    assertThat(runs.findRun("failed")).contains(failed);
    assertThat(runs.listRuns(suite.id()))
        .extracting(RunSummary::turns, RunSummary::passedTurns)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0));
  }

  @Test
  void saving_a_run_again_replaces_it() {
    runs.save(Samples.run("run-1", suite.id(), MONDAY, 1));
    RegressionRun finished = Samples.run("run-1", suite.id(), MONDAY, 4);

    runs.save(finished);

    assertThat(runs.findRun("run-1")).contains(finished);
    assertThat(RawSqlite.count(file, "turn_results")).isEqualTo(4);
  }

  @Test
  void deleting_a_run_removes_its_results() {
    runs.save(Samples.run("run-1", suite.id(), MONDAY, 1));
    runs.save(Samples.run("run-2", suite.id(), TUESDAY, 1));

    runs.deleteRun("run-1");
    runs.deleteRun("run-1");

    assertThat(runs.findRun("run-1")).isEmpty();
    assertThat(RawSqlite.column(file, "SELECT DISTINCT run_id FROM turn_results"))
        .containsExactly("run-2");
  }

  @Test
  void a_run_of_an_unknown_suite_is_refused() {
    assertThatThrownBy(() -> runs.save(Samples.run("run-1", "nope", MONDAY, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("there is no test suite with id 'nope'");
    assertThat(RawSqlite.count(file, "runs")).isZero();
  }

  @Test
  void history_outlives_edits_and_deletions_of_the_cases_it_ran() {
    RegressionRun run = Samples.run("run-1", suite.id(), MONDAY, 2);
    runs.save(run);

    workspace.suites().deleteCase(suite.id(), "case-0");

    assertThat(runs.findRun("run-1")).contains(run);
  }

  private RunSummary summary(String id, Instant startedAt, RunStatus status, int passed) {
    return new RunSummary(
        id,
        suite.id(),
        startedAt,
        status,
        "llama.cpp",
        "Arch-Router-1.5B.Q4_K_M.gguf",
        "archgw-v1",
        4,
        passed);
  }
}
