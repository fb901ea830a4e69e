package io.routebench.storage;

import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.schema.MigrationException;
import io.routebench.storage.schema.WorkspaceSchema;
import io.routebench.storage.sqlite.SqliteConnections;
import io.routebench.storage.sqlite.SqliteErrors;
import io.routebench.storage.sqlite.SqliteTransactions;
import io.routebench.storage.sqlite.WriteAheadLog;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates, opens and inspects workspace files: one SQLite database per workspace (SQLite as an
 * application file format), recognised by its {@code application_id} and versioned by its {@code
 * user_version}.
 *
 * <p>Opening never writes to a file that is not a RouteBench workspace, was written by a newer
 * RouteBench, or is damaged: those are found over a read-only connection first.
 */
public final class WorkspaceFile {

  /** The file name extension of workspaces. */
  public static final String EXTENSION = ".routebench";

  /** The schema version this RouteBench reads and writes. */
  public static final int SCHEMA_VERSION = WorkspaceSchema.CURRENT_VERSION;

  private static final String[] SQLITE_COMPANIONS = {"-wal", "-shm", "-journal"};

  private WorkspaceFile() {}

  /**
   * Creates a new workspace holding an empty policy document named after the file.
   *
   * @throws WorkspaceOpenException if {@code file} exists ({@code ALREADY_EXISTS}) or cannot be
   *     created; a half-created file is removed
   */
  public static Workspace create(Path file) {
    try {
      // Atomic: two windows creating the same file cannot both succeed.
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      throw WorkspaceOpenException.alreadyExists(file);
    } catch (NoSuchFileException e) {
      throw WorkspaceOpenException.createFailed(
          file, "the folder " + file.toAbsolutePath().getParent() + " does not exist", e);
    } catch (IOException e) {
      throw WorkspaceOpenException.createFailed(file, String.valueOf(e.getMessage()), e);
    }
    Workspace workspace = null;
    try {
      workspace = OpenWorkspaceFiles.acquire(file, key -> initialise(file, key));
      workspace.policies().save(PolicyDocument.empty(defaultName(file)));
      return workspace;
    } catch (RuntimeException e) {
      if (workspace != null) {
        workspace.close();
      }
      deleteQuietly(file, e);
      throw e instanceof WorkspaceOpenException open
          ? open
          : WorkspaceOpenException.createFailed(file, reason(e), e);
    }
  }

  private static OpenWorkspaceFiles.Entry initialise(Path file, Path key) {
    Connection connection = null;
    try {
      connection = SqliteConnections.openReadWrite(file);
      SqliteConnections.useRollbackJournal(connection);
      SqliteTransactions.inTransaction(
          connection,
          c -> {
            try (Statement statement = c.createStatement()) {
              statement.executeUpdate("PRAGMA application_id = " + WorkspaceSchema.APPLICATION_ID);
            }
            return null;
          });
      int version = WorkspaceSchema.migrator().migrate(connection);
      return new OpenWorkspaceFiles.Entry(
          key, new LockedConnection(file, connection), version, false);
    } catch (SQLException | MigrationException | RuntimeException e) {
      SqliteConnections.closeAfter(connection, e);
      throw WorkspaceOpenException.createFailed(file, reason(e), e);
    }
  }

  /**
   * Opens a workspace, upgrading it first when it was written by an earlier RouteBench. A file in a
   * read-only place (file, folder or mount) is opened for reading only ({@link
   * Workspace#isReadOnly}). When this process has the file open already, the new handle shares that
   * connection: a second descriptor of the file would endanger the first one's locks.
   *
   * @throws WorkspaceOpenException naming the file and the reason it cannot be opened
   */
  public static Workspace open(Path file) {
    return OpenWorkspaceFiles.acquire(file, key -> openFile(file, key));
  }

  /**
   * Opens a workspace for reading only, leaving it and every file beside it byte for byte as they
   * were (see {@link ReadingOpener}): for commands that only read ({@code validate}, {@code
   * prompt}, {@code export}, ...). The handle is {@linkplain Workspace#isReadOnly read-only}. A
   * workspace of an older schema version or in an older RouteBench's write-ahead-log mode is read
   * from a private, upgraded copy that is deleted on close.
   *
   * @throws WorkspaceOpenException naming the file and the reason it cannot be read
   */
  public static Workspace openForReading(Path file) {
    return OpenWorkspaceFiles.acquireForReading(file, key -> ReadingOpener.open(file, key));
  }

  private static OpenWorkspaceFiles.Entry openFile(Path file, Path key) {
    ReadOnlyInspector.Openable openable = ReadOnlyInspector.requireOpenable(file);
    boolean writable = isWritable(file);
    List<String> notices = List.of();
    if (writable && openable.facts().writeAheadLog()) {
      notices = List.of(keepBackupBeforeLeavingWal(file, key, openable));
    }
    Connection connection;
    try {
      connection =
          writable ? SqliteConnections.openReadWrite(file) : SqliteConnections.openReadOnly(file);
    } catch (SQLException e) {
      throw ReadOnlyInspector.failedToRead(file, e);
    }
    try {
      // The connection reads what the header check could not: the write-ahead log of an older
      // RouteBench (checked to be the file's own), or an upgrade a newer RouteBench made since.
      int version = ReadingOpener.requireCurrentWorkspace(file, connection);
      if (!writable) {
        if (version < WorkspaceSchema.CURRENT_VERSION) {
          throw WorkspaceOpenException.readOnlyNeedsUpgrade(
              file, version, WorkspaceSchema.CURRENT_VERSION);
        }
        return new OpenWorkspaceFiles.Entry(
            key, new LockedConnection(file, connection), version, true);
      }
      SqliteConnections.useRollbackJournal(connection);
      int migrated = WorkspaceSchema.migrator().migrate(connection);
      return new OpenWorkspaceFiles.Entry(
          key, new LockedConnection(file, connection), migrated, false, false, () -> {}, notices);
    } catch (MigrationException e) {
      SqliteConnections.closeAfter(connection, e);
      throw WorkspaceOpenException.upgradeFailed(
          file, e.fromVersion(), WorkspaceSchema.CURRENT_VERSION, reason(e.getCause()), e);
    } catch (SQLException e) {
      SqliteConnections.closeAfter(connection, e);
      if (!writable && SqliteErrors.isReadOnlyRecovery(e)) {
        throw WorkspaceOpenException.unfinishedChangesReadOnly(file, e);
      }
      throw ReadOnlyInspector.failedToRead(file, e);
    } catch (RuntimeException e) {
      SqliteConnections.closeAfter(connection, e);
      throw e;
    }
  }

  /**
   * An older RouteBench left {@code file} in write-ahead-log mode, which opening switches to a
   * rollback journal (see {@link SqliteConnections#useRollbackJournal}), applying the log. Before
   * that, the file is read from a private copy, log and all, to make sure the result is a sound
   * workspace (nothing is changed when it is not), and a byte-for-byte backup of the file and its
   * log is kept beside it.
   *
   * @return the sentence that tells the user where the backup is
   */
  private static String keepBackupBeforeLeavingWal(
      Path file, Path key, ReadOnlyInspector.Openable openable) {
    ReadingOpener.open(file, key).close();
    Path backup = freeBackupName(file);
    boolean withLog = openable.log().verdict() == WriteAheadLog.Verdict.OWN;
    try {
      Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
      if (withLog) {
        Files.copy(
            WriteAheadLog.of(file), WriteAheadLog.of(backup), StandardCopyOption.COPY_ATTRIBUTES);
      }
    } catch (IOException e) {
      deleteQuietly(backup, e);
      throw WorkspaceOpenException.unreadable(
          file,
          "it uses the write-ahead log of an older RouteBench, and a backup could not be kept"
              + " beside it before switching it ("
              + e.getMessage()
              + "); nothing was changed",
          e);
    }
    return file.getFileName()
        + " was kept in write-ahead-log mode by an older RouteBench and now uses a rollback"
        + " journal; the file as it was is kept beside it as "
        + backup.getFileName()
        + (withLog ? " (with its log, " + WriteAheadLog.of(backup).getFileName() + ")" : "")
        + ".";
  }

  /**
   * Whether SQLite may write the file and create its journal beside it. Permission bits, an
   * immutable file and a read-only mount all count (the check asks the operating system, which
   * knows them all, even for root).
   */
  private static boolean isWritable(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    return Files.isWritable(file) && (folder == null || Files.isWritable(folder));
  }

  /**
   * Tells whether this RouteBench can open {@code file}, and whether opening would upgrade it,
   * without changing the file.
   *
   * @throws WorkspaceOpenException when the file is missing, unreadable or too damaged to tell
   */
  public static WorkspaceInspection inspect(Path file) {
    return ReadOnlyInspector.inspect(file);
  }

  /**
   * {@code w.routebench} → {@code w.wal-backup.routebench}, or {@code w.wal-backup-2.routebench}
   * and so on when that is taken (by a file or its log): a backup never replaces anything.
   */
  private static Path freeBackupName(Path file) {
    String stem = defaultName(file);
    for (int n = 1; ; n++) {
      Path candidate =
          file.resolveSibling(
              stem + ".wal-backup" + (n == 1 ? "" : "-" + n) + WorkspaceFile.EXTENSION);
      if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(WriteAheadLog.of(candidate), LinkOption.NOFOLLOW_LINKS)) {
        return candidate;
      }
    }
  }

  /** The document name of a new workspace: its file name without the extension. */
  static String defaultName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(EXTENSION) && name.length() > EXTENSION.length()
        ? name.substring(0, name.length() - EXTENSION.length())
        : name;
  }

  private static String reason(Throwable e) {
    return e instanceof SQLException sql
        ? SqliteErrors.describe(sql)
        : String.valueOf(e.getMessage());
  }

  /** Removes a file this class created and failed to finish, with SQLite's companion files. */
  private static void deleteQuietly(Path file, Throwable failure) {
    try {
      Files.deleteIfExists(file);
      for (String suffix : SQLITE_COMPANIONS) {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      }
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
