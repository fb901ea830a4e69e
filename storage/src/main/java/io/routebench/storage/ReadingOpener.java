package io.routebench.storage;

import io.routebench.storage.schema.MigrationException;
import io.routebench.storage.schema.Migrator;
import io.routebench.storage.schema.WorkspaceSchema;
import io.routebench.storage.sqlite.SqliteConnections;
import io.routebench.storage.sqlite.SqliteErrors;
import io.routebench.storage.sqlite.WriteAheadLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Opens a workspace for commands that only read it ({@code validate}, {@code prompt}, {@code
 * export}, ...), so that the file and everything beside it stay byte for byte as they were: no
 * journal or log is created, applied, rolled back or deleted, and nothing is upgraded in place.
 *
 * <ul>
 *   <li>A current workspace in rollback-journal mode is read over a read-only connection. SQLite
 *       still takes its shared lock, so a workbench saving at the same moment is waited for.
 *   <li>A workspace that would need writing to be read as this RouteBench reads it (an older schema
 *       version, or the write-ahead-log mode of an older RouteBench, which SQLite cannot read
 *       without creating a {@code -shm} file beside it) is read from a private copy in a temporary
 *       folder, upgraded there and deleted on close. A rollback-mode file is copied by SQLite
 *       inside a read transaction ({@code VACUUM INTO}), so the copy is consistent even while
 *       another program writes.
 * </ul>
 */
final class ReadingOpener {

  private ReadingOpener() {}

  static OpenWorkspaceFiles.Entry open(Path file, Path key) {
    ReadOnlyInspector.Openable openable = ReadOnlyInspector.requireOpenable(file);
    boolean needsCopy =
        openable.facts().writeAheadLog()
            || (openable.facts().wellFormed()
                && openable.facts().userVersion() < WorkspaceSchema.CURRENT_VERSION);
    return needsCopy ? openCopy(file, key, openable) : openInPlace(file, key);
  }

  private static OpenWorkspaceFiles.Entry openInPlace(Path file, Path key) {
    Connection connection;
    try {
      connection = SqliteConnections.openReadOnly(file);
    } catch (SQLException e) {
      throw ReadOnlyInspector.failedToRead(file, e);
    }
    try {
      int version = requireCurrentWorkspace(file, connection);
      return OpenWorkspaceFiles.Entry.forReading(
          key, new LockedConnection(file, connection), version, () -> {});
    } catch (SQLException e) {
      SqliteConnections.closeAfter(connection, e);
      if (SqliteErrors.isReadOnlyRecovery(e)) {
        throw WorkspaceOpenException.unfinishedChangesWhileReading(file, e);
      }
      throw ReadOnlyInspector.failedToRead(file, e);
    } catch (RuntimeException e) {
      SqliteConnections.closeAfter(connection, e);
      throw e;
    }
  }

  /** The checks every open makes on the connection, before anything is read. */
  static int requireCurrentWorkspace(Path file, Connection connection) throws SQLException {
    if (ReadOnlyInspector.applicationId(connection) != WorkspaceSchema.APPLICATION_ID) {
      throw WorkspaceOpenException.foreignDatabase(file);
    }
    int version = Migrator.userVersion(connection);
    if (version > WorkspaceSchema.CURRENT_VERSION) {
      throw WorkspaceOpenException.newerVersion(file, version, WorkspaceSchema.CURRENT_VERSION);
    }
    ReadOnlyInspector.requireIntact(file, connection);
    if (version > 0) {
      // Version 0 is a file whose first upgrade step never committed: it has no tables yet.
      WorkspaceRows.requirePolicyRowsIntact(file, connection);
    }
    return version;
  }

  private static OpenWorkspaceFiles.Entry openCopy(
      Path file, Path key, ReadOnlyInspector.Openable openable) {
    Path folder;
    try {
      folder = Files.createTempDirectory("routebench-read-");
    } catch (IOException e) {
      throw WorkspaceOpenException.unreadable(
          file, "no temporary folder for a private copy (" + e.getMessage() + ")", e);
    }
    Path copy = folder.resolve("workspace" + WorkspaceFile.EXTENSION);
    Runnable deleteCopy = () -> deleteTree(folder);
    Connection connection = null;
    try {
      copy(file, copy, openable);
      connection = SqliteConnections.openReadWrite(copy);
      requireCurrentWorkspace(file, connection);
      SqliteConnections.useRollbackJournal(connection);
      int version = WorkspaceSchema.migrator().migrate(connection);
      try (Statement statement = connection.createStatement()) {
        // Whatever a caller tries, the copy is not where edits belong.
        statement.execute("PRAGMA query_only = ON");
      }
      return OpenWorkspaceFiles.Entry.forReading(
          key, new LockedConnection(file, connection), version, deleteCopy);
    } catch (SQLException | MigrationException | IOException | RuntimeException e) {
      SqliteConnections.closeAfter(connection, e);
      deleteCopy.run();
      if (e instanceof WorkspaceOpenException open) {
        throw open;
      }
      if (e instanceof SQLException sql && SqliteErrors.isReadOnlyRecovery(sql)) {
        throw WorkspaceOpenException.unfinishedChangesWhileReading(file, e);
      }
      if (e instanceof SQLException sql) {
        throw ReadOnlyInspector.failedToRead(file, sql);
      }
      throw WorkspaceOpenException.unreadable(
          file, "a private copy to read could not be made (" + e.getMessage() + ")", e);
    }
  }

  /**
   * A write-ahead-log workspace is copied as files, its own log with it (SQLite applies it to the
   * copy); a rollback-mode one through SQLite, consistently.
   */
  private static void copy(Path file, Path copy, ReadOnlyInspector.Openable openable)
      throws IOException, SQLException {
    if (openable.facts().writeAheadLog()) {
      Files.copy(file, copy);
      if (openable.log().verdict() == WriteAheadLog.Verdict.OWN) {
        Files.copy(WriteAheadLog.of(file), WriteAheadLog.of(copy));
      }
      return;
    }
    try (Connection source = SqliteConnections.openReadOnly(file);
        PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, copy.toString());
      vacuum.execute();
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ReadingOpener::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder left behind is cleaned by the system; nothing of the user's is in it.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // As above.
    }
  }
}
