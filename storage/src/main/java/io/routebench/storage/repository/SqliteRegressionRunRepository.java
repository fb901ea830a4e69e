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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
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
          try (PreparedStatement delete = connection.prepareStatement(DELETE_RUN)) {
            delete.setString(1, run.id());
            delete.executeUpdate();
          }
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
          try (PreparedStatement delete = connection.prepareStatement(DELETE_RUN)) {
            delete.setString(1, header.id());
            delete.executeUpdate();
          }
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
          try (PreparedStatement update = connection.prepareStatement(FINISH_RUN)) {
            update.setString(1, status.name());
            update.setLong(2, durationMillis);
            update.setString(3, failure == null ? "" : failure);
            update.setString(4, runId);
            if (update.executeUpdate() == 0) {
              throw new IllegalArgumentException("no run " + runId + " to finish");
            }
          }
          return null;
        });
  }

  @Override
  public List<RunSummary> listRuns(String suiteId) {
    return transactions.inReadTransaction(
        "list the runs of test suite " + suiteId,
        connection -> {
          var summaries = new ArrayList<RunSummary>();
          try (PreparedStatement select = connection.prepareStatement(SELECT_SUMMARIES)) {
            select.setString(1, suiteId);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                String id = rows.getString("id");
                summaries.add(
                    new RunSummary(
                        id,
                        rows.getString("suite_id"),
                        StoredValues.timestamp(rows.getString("started_at"), "run " + id),
                        status(rows.getString("status"), rows.getString("owner"), id),
                        rows.getString("engine_kind"),
                        rows.getString("engine_model"),
                        rows.getString("engine_profile"),
                        rows.getInt("turns"),
                        rows.getInt("passed_turns")));
              }
            }
          }
          return summaries;
        });
  }

  @Override
  public Optional<RegressionRun> findRun(String runId) {
    return transactions.inReadTransaction(
        "load run " + runId,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(SELECT_RUN)) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
              return row.next()
                  ? Optional.of(readRun(connection, runId, row))
                  : Optional.<RegressionRun>empty();
            }
          }
        });
  }

  /** Deletes the run and its results; nothing happens if it does not exist. */
  @Override
  public void deleteRun(String runId) {
    transactions.inTransaction(
        "delete run " + runId,
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(DELETE_RUN)) {
            delete.setString(1, runId);
            delete.executeUpdate();
          }
          return null;
        });
  }

  private static void insertRun(Connection connection, RegressionRun run, String owner)
      throws SQLException {
    EngineIdentity engine = run.engine();
    try (PreparedStatement insert = connection.prepareStatement(INSERT_RUN)) {
      insert.setString(1, run.id());
      insert.setString(2, run.suiteId());
      insert.setString(3, run.suiteName());
      insert.setString(4, StoredValues.timestamp(run.startedAt()));
      insert.setLong(5, run.durationMillis());
      insert.setString(6, run.status().name());
      insert.setString(7, run.failureMessage());
      insert.setString(8, engine.kind());
      insert.setString(9, engine.model());
      insert.setString(10, engine.modelSha256());
      insert.setString(11, engine.profile().id());
      insert.setString(12, JsonColumns.settings(engine.settings()));
      insert.setString(13, owner);
      insert.setString(
          14, run.policies() == null ? null : PolicyDocumentYaml.write(run.policies()));
      insert.executeUpdate();
    }
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
    try (PreparedStatement insert = connection.prepareStatement(INSERT_RESULT)) {
      for (Map.Entry<Integer, TurnResult> entry : results.entrySet()) {
        TurnResult result = entry.getValue();
        insert.setString(1, runId);
        insert.setInt(2, entry.getKey());
        insert.setString(3, result.caseId());
        insert.setString(4, result.caseName());
        insert.setInt(5, result.turnIndex());
        insert.setInt(6, result.messageIndex());
        insert.setString(7, result.expected());
        insert.setString(8, result.actual());
        insert.setString(9, result.outcome().name());
        insert.setString(10, result.rawOutput());
        insert.setLong(11, result.latencyMillis());
        insert.setInt(12, result.promptTokens());
        insert.setInt(13, result.reusedTokens());
        insert.setString(14, JsonColumns.array(result.listedRoutes()));
        insert.addBatch();
      }
      insert.executeBatch();
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
    var results = new ArrayList<TurnResult>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_RESULTS)) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          results.add(
              new TurnResult(
                  rows.getString("case_id"),
                  rows.getString("case_name"),
                  rows.getInt("turn_index"),
                  rows.getInt("message_index"),
                  rows.getString("expected"),
                  rows.getString("actual"),
                  StoredValues.decode(
                      rows.getString("outcome"),
                      DecisionOutcome::valueOf,
                      "run " + runId + ": outcome"),
                  rows.getString("raw_output"),
                  rows.getLong("latency_ms"),
                  rows.getInt("prompt_tokens"),
                  rows.getInt("reused_tokens"),
                  JsonColumns.strings(
                      rows.getString("listed_routes_json"), "run " + runId + ": listed routes")));
        }
      }
    }
    return results;
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
