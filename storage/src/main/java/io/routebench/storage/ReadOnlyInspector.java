package io.routebench.storage;

import io.routebench.core.files.NotARegularFileException;
import io.routebench.storage.schema.WorkspaceSchema;
import io.routebench.storage.sqlite.RollbackJournal;
import io.routebench.storage.sqlite.SqliteErrors;
import io.routebench.storage.sqlite.SqliteHeader;
import io.routebench.storage.sqlite.WriteAheadLog;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a file may be opened, without writing to it: the header's facts are read with
 * plain file I/O before SQLite sees the file (no connection, so no companion file appears beside a
 * file that turns out not to be a workspace), and the integrity check runs on the new connection
 * before anything is written.
 *
 * <p>Only for files this process does not have open: reading the header opens and closes a
 * descriptor, which would drop the process's SQLite locks on an open file ({@link
 * OpenWorkspaceFiles} answers for open files).
 */
final class ReadOnlyInspector {

  /** Enough lines of {@code quick_check} output to show the kind of damage. */
  private static final int QUICK_CHECK_LINES = 3;

  /** The heading {@code quick_check} puts before the problems of each attached database. */
  private static final String QUICK_CHECK_HEADING = "*** in database main ***";

  private ReadOnlyInspector() {}

  /**
   * What the checks before opening found: the header's facts and the write-ahead log beside the
   * file, which is either absent or the file's own.
   */
  record Openable(SqliteHeader.Facts facts, WriteAheadLog.Judgement log) {}

  /**
   * Checks what the header says, and what lies beside the file, before {@code file} is opened.
   *
   * @throws WorkspaceOpenException naming why the file must not be opened: among others a {@code
   *     -wal} or {@code -journal} beside it that is not its own ({@code STRANGER_FILE}), which
   *     SQLite would apply
   */
  static Openable requireOpenable(Path file) {
    SqliteHeader.Facts facts = requireSqliteFile(file);
    WriteAheadLog.Judgement log = requireNoStrangerLog(file, facts);
    requireNoStrangerJournal(file, facts);
    if (!facts.wellFormed()) {
      // The connection's first read names the damage as SQLite sees it.
      return new Openable(facts, log);
    }
    if (facts.applicationId() != WorkspaceSchema.APPLICATION_ID) {
      throw WorkspaceOpenException.foreignDatabase(file);
    }
    if (facts.userVersion() > WorkspaceSchema.CURRENT_VERSION) {
      throw WorkspaceOpenException.newerVersion(
          file, facts.userVersion(), WorkspaceSchema.CURRENT_VERSION);
    }
    return new Openable(facts, log);
  }

  private static void requireNoStrangerJournal(Path file, SqliteHeader.Facts facts) {
    RollbackJournal.Judgement journal;
    try {
      journal = RollbackJournal.judge(file, facts);
    } catch (IOException e) {
      throw WorkspaceOpenException.unreadable(
          file, "its rollback journal cannot be read (" + describe(e) + ")", e);
    }
    if (journal.verdict() == RollbackJournal.Verdict.STRANGER) {
      throw WorkspaceOpenException.strangerJournal(
          file, RollbackJournal.of(file), journal.reason());
    }
  }

  private static WriteAheadLog.Judgement requireNoStrangerLog(Path file, SqliteHeader.Facts facts) {
    WriteAheadLog.Judgement log;
    try {
      log = WriteAheadLog.judge(file, facts);
    } catch (IOException e) {
      throw WorkspaceOpenException.unreadable(
          file, "its write-ahead log cannot be read (" + describe(e) + ")", e);
    }
    if (log.verdict() == WriteAheadLog.Verdict.STRANGER) {
      throw WorkspaceOpenException.strangerLog(file, WriteAheadLog.of(file), log.reason());
    }
    return log;
  }

  /**
   * Reports what opening {@code file} would do, without the integrity check (which reads the whole
   * file).
   *
   * @throws WorkspaceOpenException when the file is missing, unreadable or too damaged to tell
   */
  static WorkspaceInspection inspect(Path file) {
    var open = OpenWorkspaceFiles.find(file);
    if (open.isPresent()) {
      return describe(file, WorkspaceSchema.APPLICATION_ID, open.get().schemaVersion);
    }
    SqliteHeader.Facts facts;
    try {
      facts = requireSqliteFile(file);
    } catch (WorkspaceOpenException e) {
      if (e.problem() == WorkspaceOpenException.Problem.NOT_SQLITE) {
        return new WorkspaceInspection(file, WorkspaceStatus.NOT_A_WORKSPACE, 0, e.getMessage());
      }
      throw e;
    }
    if (!facts.wellFormed()) {
      throw WorkspaceOpenException.corrupted(file, "the database header is malformed", null);
    }
    return describe(file, facts.applicationId(), facts.userVersion());
  }

  private static WorkspaceInspection describe(Path file, int applicationId, int version) {
    int current = WorkspaceSchema.CURRENT_VERSION;
    if (applicationId != WorkspaceSchema.APPLICATION_ID) {
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

  private static SqliteHeader.Facts requireSqliteFile(Path file) {
    if (Files.isDirectory(file)) {
      throw WorkspaceOpenException.unreadable(file, "it is a folder, not a workspace file", null);
    }
    if (!Files.exists(file)) {
      throw WorkspaceOpenException.missing(file);
    }
    try {
      return SqliteHeader.read(file).orElseThrow(() -> WorkspaceOpenException.notSqlite(file));
    } catch (NotARegularFileException e) {
      throw WorkspaceOpenException.unreadable(
          file,
          "it is "
              + e.kind()
              + ", not a workspace file (reading a pipe or device could block or never end)",
          e);
    } catch (IOException e) {
      throw WorkspaceOpenException.unreadable(file, describe(e), e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static WorkspaceOpenException failedToRead(Path file, SQLException e) {
    if (SqliteErrors.isCorruption(e)) {
      return WorkspaceOpenException.corrupted(file, SqliteErrors.detail(e), e);
    }
    return WorkspaceOpenException.unreadable(file, SqliteErrors.describe(e), e);
  }

  /** {@code PRAGMA application_id} as the connection reads it (a write-ahead log included). */
  static int applicationId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA application_id")) {
      row.next();
      return row.getInt(1);
    }
  }

  /**
   * @throws WorkspaceOpenException when {@code PRAGMA quick_check} reports damage
   */
  static void requireIntact(Path file, Connection connection) throws SQLException {
    List<String> problems = quickCheck(connection);
    if (!problems.isEmpty()) {
      throw WorkspaceOpenException.corrupted(file, excerpt(problems), null);
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
