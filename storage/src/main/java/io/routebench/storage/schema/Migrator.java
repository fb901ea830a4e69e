package io.routebench.storage.schema;

import io.routebench.storage.sqlite.SqliteTransactions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a workspace file's schema up to the newest version, one {@link Migration} at a time. Each
 * step runs in its own transaction together with the {@code user_version} update, so the recorded
 * version always matches the tables: a step that fails leaves the file exactly as the previous step
 * left it.
 */
public final class Migrator {

  private final List<Migration> steps;

  /**
   * @param steps consecutive steps starting at version 0
   * @throws IllegalArgumentException if the steps skip or repeat a version
   */
  public Migrator(List<Migration> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).fromVersion() != i) {
        throw new IllegalArgumentException(
            "migration step "
                + i
                + " starts at version "
                + steps.get(i).fromVersion()
                + "; steps must be consecutive from version 0");
      }
    }
    this.steps = List.copyOf(steps);
  }

  /** The version a fully migrated file has. */
  public int latestVersion() {
    return steps.size();
  }

  /**
   * Applies every step the file has not seen yet.
   *
   * @return the version the file is at afterwards: {@link #latestVersion()}
   * @throws MigrationException when a step fails (the file keeps the version before that step)
   * @throws SQLException when the current version cannot be read
   * @throws IllegalStateException when the file is newer than this migrator knows; callers check
   *     that before opening the file for writing
   */
  public int migrate(Connection connection) throws SQLException, MigrationException {
    int version = userVersion(connection);
    if (version > latestVersion()) {
      throw new IllegalStateException(
          "schema version " + version + " is newer than " + latestVersion());
    }
    for (Migration step : steps.subList(version, steps.size())) {
      apply(connection, step);
    }
    return userVersion(connection);
  }

  private static void apply(Connection connection, Migration step) throws MigrationException {
    try {
      SqliteTransactions.inTransaction(
          connection,
          c -> {
            // Another RouteBench process may have applied this step since we read the version;
            // the write lock we now hold makes this re-check reliable.
            if (userVersion(c) != step.fromVersion()) {
              return null;
            }
            try (Statement statement = c.createStatement()) {
              statement.executeUpdate(step.script());
              requireNoForeignKeyViolations(statement);
              // PRAGMA takes no bound parameters; the value is an int, so concatenation is safe.
              statement.executeUpdate("PRAGMA user_version = " + step.toVersion());
            }
            return null;
          });
    } catch (SQLException | RuntimeException e) {
      throw new MigrationException(step, e);
    }
  }

  /** Foreign keys are not re-checked by schema changes; a step must not leave orphans behind. */
  private static void requireNoForeignKeyViolations(Statement statement) throws SQLException {
    var violations = new ArrayList<String>();
    try (ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
      while (rows.next() && violations.size() < 5) {
        violations.add(rows.getString("table") + " -> " + rows.getString("parent"));
      }
    }
    if (!violations.isEmpty()) {
      throw new SQLException("rows violate foreign keys: " + String.join(", ", violations));
    }
  }

  /** The schema version recorded in the file's header ({@code PRAGMA user_version}). */
  public static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA user_version")) {
      row.next();
      return row.getInt(1);
    }
  }
}
