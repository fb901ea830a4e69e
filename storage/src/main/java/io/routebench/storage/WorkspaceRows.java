package io.routebench.storage;

import io.routebench.storage.sqlite.SqliteErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds rows that SQLite's integrity check passes but RouteBench cannot use: a row pointing at a
 * parent that is gone (an edit with foreign keys off), a JSON column that does not parse. Reading
 * such a workspace would drop the orphaned routes silently or fail later with a parser's message
 * that names no row, so every command refuses it up front, naming the table and the row.
 *
 * <p>Two depths: the policy rows every command loads are checked at each open (a few thousand rows
 * at most); suites, cases, runs and the playtest conversation, which can hold millions of rows, are
 * checked in full by {@code validate}.
 */
final class WorkspaceRows {

  /** How many rows of one kind a message names before it only counts the rest. */
  private static final int NAMED_ROWS = 3;

  private record Check(String sql, String problem) {}

  private static final List<Check> POLICY_CHECKS =
      List.of(
          new Check(
              "SELECT COUNT(*) = 1, NULL FROM workspace HAVING COUNT(*) <> 1",
              "the table workspace must hold exactly one row (the document's name and profile)"),
          new Check(
              "SELECT 'workspace', NULL FROM workspace WHERE " + notJson("proxy_top_level_json"),
              "workspace.proxy_top_level_json is not a JSON object"),
          new Check(
              "SELECT position, model FROM targets WHERE " + notJson("extras_json"),
              "targets row at position %s (model \"%s\"): extras_json is not a JSON object"),
          new Check(
              "SELECT id, name FROM actions WHERE domain_id NOT IN (SELECT id FROM domains)",
              "actions row id %s (\"%s\") belongs to a domain that does not exist; its route"
                  + " would be missing from every prompt and export"),
          new Check(
              "SELECT domain_id, position FROM domain_fallbacks"
                  + " WHERE domain_id NOT IN (SELECT id FROM domains)",
              "domain_fallbacks row (domain_id %s, position %s) belongs to a domain that does not"
                  + " exist"),
          new Check(
              "SELECT action_id, position FROM action_fallbacks"
                  + " WHERE action_id NOT IN (SELECT id FROM actions)",
              "action_fallbacks row (action_id %s, position %s) belongs to an action that does not"
                  + " exist"));

  private static final List<Check> HISTORY_CHECKS =
      List.of(
          new Check(
              "SELECT id, name FROM cases WHERE suite_id NOT IN (SELECT id FROM suites)",
              "cases row id %s (\"%s\") belongs to a suite that does not exist"),
          new Check(
              "SELECT id, name FROM cases WHERE " + notJson("messages_json", "array"),
              "cases row id %s (\"%s\"): messages_json is not a JSON list of messages"),
          new Check(
              "SELECT case_id, position FROM case_tags WHERE case_id NOT IN (SELECT id FROM cases)",
              "case_tags row (case_id %s, position %s) belongs to a case that does not exist"),
          new Check(
              "SELECT id, suite_name FROM runs WHERE suite_id NOT IN (SELECT id FROM suites)",
              "runs row id %s (suite \"%s\") belongs to a suite that does not exist"),
          new Check(
              "SELECT id, suite_name FROM runs WHERE " + notJson("engine_settings_json"),
              "runs row id %s (suite \"%s\"): engine_settings_json is not a JSON object"),
          new Check(
              "SELECT run_id, ordinal FROM turn_results"
                  + " WHERE run_id NOT IN (SELECT id FROM runs)",
              "turn_results row (run_id %s, ordinal %s) belongs to a run that does not exist"),
          new Check(
              "SELECT id, NULL FROM playtest_conversation WHERE "
                  + notJson("messages_json", "array"),
              "playtest_conversation row %s: messages_json is not a JSON list of messages"));

  private WorkspaceRows() {}

  /**
   * @throws WorkspaceOpenException ({@code DAMAGED_ROWS}) naming the first kind of damage found
   */
  static void requirePolicyRowsIntact(Path file, Connection connection) throws SQLException {
    List<String> problems = find(connection, POLICY_CHECKS, false);
    if (!problems.isEmpty()) {
      throw WorkspaceOpenException.damagedRows(file, String.join("; ", problems));
    }
  }

  /**
   * Every kind of damaged row, policies, suites, runs and playtest alike; empty when none. A table
   * that cannot be queried at all (dropped) is left to the reads that follow, which name the part
   * of the workspace it holds.
   */
  static List<String> findAll(Connection connection) throws SQLException {
    var problems = new ArrayList<String>(find(connection, POLICY_CHECKS, true));
    problems.addAll(find(connection, HISTORY_CHECKS, true));
    return problems;
  }

  private static List<String> find(
      Connection connection, List<Check> checks, boolean skipUnqueryable) throws SQLException {
    var problems = new ArrayList<String>();
    for (Check check : checks) {
      var named = new ArrayList<String>();
      int count = 0;
      try (PreparedStatement query = connection.prepareStatement(check.sql());
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (count++ < NAMED_ROWS) {
            named.add(String.format(check.problem(), rows.getString(1), rows.getString(2)));
          }
        }
      } catch (SQLException e) {
        if (!skipUnqueryable || SqliteErrors.isCorruption(e)) {
          throw e;
        }
        continue;
      }
      if (count > 0) {
        String shown = String.join("; ", named);
        problems.add(
            count > NAMED_ROWS
                ? shown + " (and " + (count - NAMED_ROWS) + " more like it)"
                : shown);
      }
    }
    return problems;
  }

  private static String notJson(String column) {
    return notJson(column, "object");
  }

  /** True where the column is not JSON of the given type ({@code json_type} fails on non-JSON). */
  private static String notJson(String column, String type) {
    return "NOT (json_valid("
        + column
        + ") AND CASE WHEN json_valid("
        + column
        + ") THEN json_type("
        + column
        + ") = '"
        + type
        + "' ELSE 0 END)";
  }
}
