package io.routebench.storage.repository;

import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.sqlite.TransactionRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Run history: a run header and its per-turn results, which outlive later edits to the suite (but
 * not the suite's deletion).
 */
public final class SqliteRegressionRunRepository implements RegressionRunRepository {

  private static final String DELETE_RUN = "DELETE FROM runs WHERE id = ?";
  private static final String INSERT_RUN =
      """
      INSERT INTO runs (id, suite_id, suite_name, started_at, duration_ms, status,
                        failure_message, engine_kind, engine_model, engine_sha256,
                        engine_profile, engine_settings_json, owner, policies_yaml)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String DELETE_RESULTS = "DELETE FROM turn_results WHERE run_id = ?";
  private static final String FINISH_RUN =
      """
      UPDATE runs SET status = ?, duration_ms = ?, failure_message = ?, owner = ''
      WHERE id = ?
      """;
  private static final String INSERT_RESULT =
      """
      INSERT OR REPLACE INTO turn_results (run_id, ordinal, case_id, case_name, turn_index, message_index,
                                expected, actual, outcome, raw_output, latency_ms,
                                prompt_tokens, reused_tokens, listed_routes_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  // Tallies come from SQL so a history list never loads per-turn results.
  private static final String SELECT_SUMMARIES =
      """
      SELECT runs.id, runs.suite_id, runs.started_at, runs.status, runs.owner, runs.engine_kind,
             runs.engine_model, runs.engine_profile,
             (SELECT COUNT(*) FROM turn_results
              WHERE turn_results.run_id = runs.id) AS turns,
             (SELECT COUNT(*) FROM turn_results
              WHERE turn_results.run_id = runs.id
                AND turn_results.expected = turn_results.actual
                AND turn_results.outcome <> 'PROXY_ERROR') AS passed_turns
      FROM runs
      WHERE runs.suite_id = ?
      ORDER BY runs.started_at DESC, runs.rowid DESC
      """;
  private static final String SELECT_RUN =
      """
      SELECT suite_id, suite_name, started_at, duration_ms, status, owner, failure_message,
             engine_kind, engine_model, engine_sha256, engine_profile, engine_settings_json,
             policies_yaml
      FROM runs
      WHERE id = ?
      """;
  private static final String SELECT_RESULTS =
      """
      SELECT case_id, case_name, turn_index, message_index, expected, actual, outcome,
             raw_output, latency_ms, prompt_tokens, reused_tokens, listed_routes_json
      FROM turn_results
      WHERE run_id = ?
      ORDER BY ordinal
      """;

  private final TransactionRunner transactions;

  public SqliteRegressionRunRepository(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  /**
   * Stores {@code run}, replacing a stored run with the same id (so a run can be saved again as it
   * progresses).
   *
   * @throws IllegalArgumentException when the run's suite does not exist
   */
  @Override
  public void save(RegressionRun run) {
    Objects.requireNonNull(run, "run");
    transactions.inTransaction(
        "save run " + run.id(),
        connection -> {
          SqliteTestSuiteRepository.requireSuite(connection, run.suiteId());
          Sql.update(connection, DELETE_RUN, run.id());
          insertRun(connection, run, "");
          insertResults(connection, run.id(), inSuiteOrder(run.results()));
          return null;
        });
  }

  /**
   * Stores the header as running, owned by this process, with exactly {@code results}.
   *
   * @throws IllegalArgumentException when the run's suite does not exist
   */
  @Override
  public void startRun(RegressionRun header, SortedMap<Integer, TurnResult> results) {
    Objects.requireNonNull(header, "header");
    transactions.inTransaction(
        "start run " + header.id(),
        connection -> {
          SqliteTestSuiteRepository.requireSuite(connection, header.suiteId());
          Sql.update(connection, DELETE_RUN, header.id());
          insertRun(
              connection,
              header.withOutcome(RunStatus.RUNNING, header.durationMillis(), ""),
              RunOwner.thisProcess().encoded());
          insertResults(connection, header.id(), results);
          return null;
        });
  }

  @Override
  public void appendResults(String runId, SortedMap<Integer, TurnResult> results) {
    if (results.isEmpty()) {
      return;
    }
    transactions.inTransaction(
        "store " + results.size() + " answer(s) of run " + runId,
        connection -> {
          insertResults(connection, runId, results);
          return null;
        });
  }

  @Override
  public void finishRun(String runId, RunStatus status, long durationMillis, String failure) {
    if (status == RunStatus.RUNNING) {
      throw new IllegalArgumentException("a finished run cannot be running");
    }
    transactions.inTransaction(
        "store the outcome of run " + runId,
        connection -> {
          String message = failure == null ? "" : failure;
          if (Sql.update(connection, FINISH_RUN, status.name(), durationMillis, message, runId)
              == 0) {
            throw new IllegalArgumentException("no run " + runId + " to finish");
          }
          return null;
        });
  }

  @Override
  public List<RunSummary> listRuns(String suiteId) {
    return transactions.inReadTransaction(
        "list the runs of test suite " + suiteId,
        connection ->
            Sql.list(
                connection,
                SELECT_SUMMARIES,
                row -> {
                  String id = row.getString("id");
                  return new RunSummary(
                      id,
                      row.getString("suite_id"),
                      StoredValues.timestamp(row.getString("started_at"), "run " + id),
                      status(row.getString("status"), row.getString("owner"), id),
                      row.getString("engine_kind"),
                      row.getString("engine_model"),
                      row.getString("engine_profile"),
                      row.getInt("turns"),
                      row.getInt("passed_turns"));
                },
                suiteId));
  }

  @Override
  public Optional<RegressionRun> findRun(String runId) {
    return transactions.inReadTransaction(
        "load run " + runId,
        connection ->
            Sql.first(connection, SELECT_RUN, row -> readRun(connection, runId, row), runId));
  }

  /** Deletes the run and its results; nothing happens if it does not exist. */
  @Override
  public void deleteRun(String runId) {
    transactions.inTransaction(
        "delete run " + runId, connection -> Sql.update(connection, DELETE_RUN, runId));
  }

  private static void insertRun(Connection connection, RegressionRun run, String owner)
      throws SQLException {
    EngineIdentity engine = run.engine();
    Sql.update(
        connection,
        INSERT_RUN,
        run.id(),
        run.suiteId(),
        run.suiteName(),
        StoredValues.timestamp(run.startedAt()),
        run.durationMillis(),
        run.status().name(),
        run.failureMessage(),
        engine.kind(),
        engine.model(),
        engine.modelSha256(),
        engine.profile().id(),
        JsonColumns.settings(engine.settings()),
        owner,
        run.policies() == null ? null : PolicyDocumentYaml.write(run.policies()));
  }

  /** A whole run's results, numbered as they stand: they are in suite order already. */
  private static SortedMap<Integer, TurnResult> inSuiteOrder(List<TurnResult> results) {
    var numbered = new TreeMap<Integer, TurnResult>();
    for (int ordinal = 0; ordinal < results.size(); ordinal++) {
      numbered.put(ordinal, results.get(ordinal));
    }
    return numbered;
  }

  private static void insertResults(
      Connection connection, String runId, SortedMap<Integer, TurnResult> results)
      throws SQLException {
    try (Sql.Batch insert = Sql.batch(connection, INSERT_RESULT)) {
      for (Map.Entry<Integer, TurnResult> entry : results.entrySet()) {
        TurnResult result = entry.getValue();
        insert.add(
            runId,
            entry.getKey(),
            result.caseId(),
            result.caseName(),
            result.turnIndex(),
            result.messageIndex(),
            result.expected(),
            result.actual(),
            result.outcome().name(),
            result.rawOutput(),
            result.latencyMillis(),
            result.promptTokens(),
            result.reusedTokens(),
            JsonColumns.array(result.listedRoutes()));
      }
      insert.execute();
    }
  }

  private static RegressionRun readRun(Connection connection, String runId, ResultSet row)
      throws SQLException {
    String owner = "run " + runId;
    var engine =
        new EngineIdentity(
            row.getString("engine_kind"),
            row.getString("engine_model"),
            row.getString("engine_sha256"),
            StoredValues.decode(
                row.getString("engine_profile"), PromptProfile::fromId, owner + ": engine_profile"),
            JsonColumns.settings(row.getString("engine_settings_json"), owner));
    return new RegressionRun(
        runId,
        row.getString("suite_id"),
        row.getString("suite_name"),
        engine,
        StoredValues.timestamp(row.getString("started_at"), owner + ": started_at"),
        row.getLong("duration_ms"),
        status(row.getString("status"), row.getString("owner"), runId),
        row.getString("failure_message"),
        readResults(connection, runId),
        policies(row.getString("policies_yaml"), owner));
  }

  private static List<TurnResult> readResults(Connection connection, String runId)
      throws SQLException {
    return Sql.list(
        connection,
        SELECT_RESULTS,
        row ->
            new TurnResult(
                row.getString("case_id"),
                row.getString("case_name"),
                row.getInt("turn_index"),
                row.getInt("message_index"),
                row.getString("expected"),
                row.getString("actual"),
                StoredValues.decode(
                    row.getString("outcome"),
                    DecisionOutcome::valueOf,
                    "run " + runId + ": outcome"),
                row.getString("raw_output"),
                row.getLong("latency_ms"),
                row.getInt("prompt_tokens"),
                row.getInt("reused_tokens"),
                JsonColumns.strings(
                    row.getString("listed_routes_json"), "run " + runId + ": listed routes")),
        runId);
  }

  /**
   * The stored status, except that a run still marked running whose process is gone was
   * interrupted: it will never finish by itself.
   */
  private static RunStatus status(String stored, String owner, String runId) throws SQLException {
    RunStatus status = StoredValues.decode(stored, RunStatus::valueOf, "run " + runId + ": status");
    if (status == RunStatus.RUNNING
        && !RunOwner.decode(owner).map(RunOwner::mayBeAlive).orElse(false)) {
      return RunStatus.INTERRUPTED;
    }
    return status;
  }

  private static PolicyDocument policies(String yaml, String owner) throws SQLDataException {
    if (yaml == null) {
      return null;
    }
    try {
      return PolicyDocumentYaml.read(owner + " policies", yaml);
    } catch (RuntimeException e) {
      throw new SQLDataException(
          owner + " holds policies that cannot be read: " + e.getMessage(), e);
    }
  }
}
