package io.routebench.storage;

import io.routebench.storage.schema.Migrator;
import io.routebench.storage.schema.WorkspaceSchema;
import io.routebench.storage.sqlite.SqliteConnections;
import io.routebench.storage.sqlite.SqliteErrors;
import io.routebench.storage.sqlite.SqliteHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a file may be opened for writing, without writing to it: the header is checked
 * with plain file I/O before SQLite sees the file, and everything else over a read-only connection.
 */
final class ReadOnlyInspector {

  /** Enough lines of {@code quick_check} output to show the kind of damage. */
  private static final int QUICK_CHECK_LINES = 3;

  /** The heading {@code quick_check} puts before the problems of each attached database. */
  private static final String QUICK_CHECK_HEADING = "*** in database main ***";

  private ReadOnlyInspector() {}

  /**
   * Checks everything that must hold before {@code file} is opened for writing.
   *
   * @return the file's schema version, at most {@link WorkspaceSchema#CURRENT_VERSION}
   * @throws WorkspaceOpenException naming why the file must not be opened
   */
  static int requireOpenable(Path file) {
    requireSqliteFile(file);
    try (Connection connection = SqliteConnections.openReadOnly(file)) {
      HeaderFacts facts = readHeader(connection);
      if (facts.applicationId() != WorkspaceSchema.APPLICATION_ID) {
        throw WorkspaceOpenException.foreignDatabase(file);
      }
      if (facts.schemaVersion() > WorkspaceSchema.CURRENT_VERSION) {
        throw WorkspaceOpenException.newerVersion(
            file, facts.schemaVersion(), WorkspaceSchema.CURRENT_VERSION);
      }
      List<String> problems = quickCheck(connection);
      if (!problems.isEmpty()) {
        throw WorkspaceOpenException.corrupted(file, excerpt(problems), null);
      }
      return facts.schemaVersion();
    } catch (SQLException e) {
      throw failedToRead(file, e);
    }
  }

  /**
   * Reports what opening {@code file} would do, without the integrity check (which reads the whole
   * file).
   *
   * @throws WorkspaceOpenException when the file is missing, unreadable or too damaged to tell
   */
  static WorkspaceInspection inspect(Path file) {
    try {
      requireSqliteFile(file);
    } catch (WorkspaceOpenException e) {
      if (e.problem() == WorkspaceOpenException.Problem.NOT_SQLITE) {
        return new WorkspaceInspection(file, WorkspaceStatus.NOT_A_WORKSPACE, 0, e.getMessage());
      }
      throw e;
    }
    HeaderFacts facts;
    try (Connection connection = SqliteConnections.openReadOnly(file)) {
      facts = readHeader(connection);
    } catch (SQLException e) {
      throw failedToRead(file, e);
    }
    int version = facts.schemaVersion();
    int current = WorkspaceSchema.CURRENT_VERSION;
    if (facts.applicationId() != WorkspaceSchema.APPLICATION_ID) {
      return new WorkspaceInspection(
          file,
          WorkspaceStatus.NOT_A_WORKSPACE,
          0,
          WorkspaceOpenException.foreignDatabase(file).getMessage());
    }
    if (version > current) {
      return new WorkspaceInspection(
          file,
          WorkspaceStatus.INCOMPATIBLE,
          version,
          WorkspaceOpenException.newerVersion(file, version, current).getMessage());
    }
    if (version < current) {
      return new WorkspaceInspection(
          file,
          WorkspaceStatus.UPDATE_REQUIRED,
          version,
          file
              + " is a workspace of schema version "
              + version
              + "; opening it upgrades it to version "
              + current
              + ", after which older RouteBench versions cannot open it.");
    }
    return new WorkspaceInspection(
        file,
        WorkspaceStatus.UP_TO_DATE,
        version,
        file + " is a workspace of the current schema version " + version + ".");
  }

  private static void requireSqliteFile(Path file) {
    if (Files.isDirectory(file)) {
      throw WorkspaceOpenException.unreadable(file, "it is a folder, not a workspace file", null);
    }
    if (!Files.exists(file)) {
      throw WorkspaceOpenException.missing(file);
    }
    try {
      if (!SqliteHeader.isPresentIn(file)) {
        throw WorkspaceOpenException.notSqlite(file);
      }
    } catch (IOException e) {
      throw WorkspaceOpenException.unreadable(file, describe(e), e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static WorkspaceOpenException failedToRead(Path file, SQLException e) {
    if (SqliteErrors.isCorruption(e)) {
      return WorkspaceOpenException.corrupted(file, SqliteErrors.detail(e), e);
    }
    return WorkspaceOpenException.unreadable(file, SqliteErrors.describe(e), e);
  }

  private record HeaderFacts(int applicationId, int schemaVersion) {}

  private static HeaderFacts readHeader(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA application_id")) {
      row.next();
      return new HeaderFacts(row.getInt(1), Migrator.userVersion(connection));
    }
  }

  /** The damage {@code PRAGMA quick_check} reports, one line per problem; empty when "ok". */
  private static List<String> quickCheck(Connection connection) throws SQLException {
    var problems = new ArrayList<String>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA quick_check(" + QUICK_CHECK_LINES + ")")) {
      while (rows.next()) {
        // A row may hold several lines, the first being a heading.
        for (String line : rows.getString(1).split("\\R")) {
          if (!line.isBlank() && !line.equals("ok") && !line.equals(QUICK_CHECK_HEADING)) {
            problems.add(line.strip());
          }
        }
      }
    }
    return problems;
  }

  /** A one-line excerpt for the error message. */
  private static String excerpt(List<String> problems) {
    String shown =
        String.join("; ", problems.subList(0, Math.min(QUICK_CHECK_LINES, problems.size())));
    return problems.size() > QUICK_CHECK_LINES ? shown + "; …" : shown;
  }
}
