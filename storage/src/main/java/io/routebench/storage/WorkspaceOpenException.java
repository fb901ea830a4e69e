package io.routebench.storage;

import java.nio.file.Path;

/**
 * A workspace file could not be created or opened. The message names the file and can be shown to
 * the user as is; {@link #problem()} lets callers react (offer an update, a backup, another file).
 * Whenever the problem is not {@link Problem#UPGRADE_FAILED}, the file was not modified.
 */
public final class WorkspaceOpenException extends RuntimeException {

  /** Why the file could not be opened. */
  public enum Problem {
    MISSING,
    /** Permissions, a folder in place of a file, a lock held by another program, an I/O error. */
    UNREADABLE,
    /** The file does not start with the SQLite header. */
    NOT_SQLITE,
    /** An SQLite database, but not RouteBench's ({@code application_id} differs). */
    FOREIGN_DATABASE,
    /** Written by a newer RouteBench whose schema this one does not know. */
    NEWER_VERSION,
    /** SQLite's integrity check found damage. */
    CORRUPTED,
    /**
     * A file beside the workspace that SQLite would merge into it is not the workspace's own (a
     * {@code -wal} of another database); neither file was touched.
     */
    STRANGER_FILE,
    /** A row the workspace's content depends on is missing or unreadable. */
    DAMAGED_ROWS,
    /** An upgrade step failed; the file stays at the last version that succeeded. */
    UPGRADE_FAILED,
    /** The file is read-only and cannot be used as it is (it needs an upgrade or a recovery). */
    READ_ONLY,
    ALREADY_EXISTS,
    CREATE_FAILED
  }

  private final Problem problem;
  private final Path file;

  private WorkspaceOpenException(Problem problem, Path file, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
    this.file = file;
  }

  public Problem problem() {
    return problem;
  }

  public Path file() {
    return file;
  }

  static WorkspaceOpenException missing(Path file) {
    return new WorkspaceOpenException(
        Problem.MISSING, file, "Cannot open " + file + ": the file does not exist.", null);
  }

  static WorkspaceOpenException unreadable(Path file, String reason, Throwable cause) {
    return new WorkspaceOpenException(
        Problem.UNREADABLE, file, "Cannot open " + file + ": " + reason + ".", cause);
  }

  static WorkspaceOpenException notSqlite(Path file) {
    return new WorkspaceOpenException(
        Problem.NOT_SQLITE,
        file,
        file + " is not a RouteBench workspace (not an SQLite database).",
        null);
  }

  static WorkspaceOpenException foreignDatabase(Path file) {
    return new WorkspaceOpenException(
        Problem.FOREIGN_DATABASE,
        file,
        file
            + " is not a RouteBench workspace (an SQLite database of another application)."
            + " It was not changed.",
        null);
  }

  static WorkspaceOpenException newerVersion(Path file, int fileVersion, int supportedVersion) {
    return new WorkspaceOpenException(
        Problem.NEWER_VERSION,
        file,
        file
            + " was saved by a newer RouteBench (workspace schema version "
            + fileVersion
            + "; this RouteBench supports up to version "
            + supportedVersion
            + "). Update RouteBench to open it; the file was not changed.",
        null);
  }

  static WorkspaceOpenException corrupted(Path file, String excerpt, Throwable cause) {
    return new WorkspaceOpenException(
        Problem.CORRUPTED,
        file,
        file
            + " is damaged and was not opened (SQLite integrity check: "
            + excerpt
            + "). The file was not changed; restore it from a backup.",
        cause);
  }

  static WorkspaceOpenException upgradeFailed(
      Path file, int fromVersion, int toVersion, String reason, Throwable cause) {
    return new WorkspaceOpenException(
        Problem.UPGRADE_FAILED,
        file,
        "Could not upgrade "
            + file
            + " from workspace schema version "
            + fromVersion
            + " to "
            + toVersion
            + ": "
            + reason
            + ". The file is still a valid version "
            + fromVersion
            + " workspace.",
        cause);
  }

  static WorkspaceOpenException readOnlyNeedsUpgrade(Path file, int fileVersion, int current) {
    return new WorkspaceOpenException(
        Problem.READ_ONLY,
        file,
        "Cannot open "
            + file
            + ": it is a workspace of schema version "
            + fileVersion
            + ", which this RouteBench must upgrade to version "
            + current
            + " before using it, but the file or its folder is read-only. Copy it somewhere"
            + " writable, or make it writable, and open it again.",
        null);
  }

  static WorkspaceOpenException unfinishedChangesReadOnly(Path file, Throwable cause) {
    return new WorkspaceOpenException(
        Problem.READ_ONLY,
        file,
        "Cannot open "
            + file
            + ": "
            + stoppedHalfWay(file)
            + ", and undoing those half-made changes needs write access,"
            + " but the file or its folder is read-only. Make it writable and open it again;"
            + " nothing that was saved is lost.",
        cause);
  }

  static WorkspaceOpenException strangerLog(Path file, Path log, String reason) {
    return strangerCompanion(
        file,
        log,
        "write-ahead log",
        "SQLite would copy that file's pages into the workspace",
        reason);
  }

  static WorkspaceOpenException strangerJournal(Path file, Path journal, String reason) {
    return strangerCompanion(
        file,
        journal,
        "rollback journal",
        "SQLite would write that file's pages into the workspace and cut it to the size the file"
            + " names",
        reason);
  }

  /** A companion file SQLite would apply to the workspace, which is not the workspace's own. */
  private static WorkspaceOpenException strangerCompanion(
      Path file, Path companion, String kind, String danger, String reason) {
    return new WorkspaceOpenException(
        Problem.STRANGER_FILE,
        file,
        "Cannot open "
            + file
            + ": the file "
            + companion.getFileName()
            + " beside it is not its "
            + kind
            + " ("
            + reason
            + "). "
            + danger
            + ", so neither file was read or changed. Move "
            + companion.getFileName()
            + " out of this folder (it may belong to another copy of the workspace), then try"
            + " again.",
        null);
  }

  static WorkspaceOpenException damagedRows(Path file, String what) {
    return new WorkspaceOpenException(
        Problem.DAMAGED_ROWS,
        file,
        file
            + " is damaged: "
            + what
            + ". RouteBench did not use it and did not change it; restore it from a backup, or"
            + " repair the named rows with an SQLite tool.",
        null);
  }

  static WorkspaceOpenException unfinishedChangesWhileReading(Path file, Throwable cause) {
    return new WorkspaceOpenException(
        Problem.READ_ONLY,
        file,
        "Cannot read "
            + file
            + ": "
            + stoppedHalfWay(file)
            + ". A command that only reads does not undo those half-made"
            + " changes: open the workspace in RouteBench, or run a command that writes to it,"
            + " then try again. The file was not changed.",
        cause);
  }

  /** A hot journal: what SQLite rolls back the next time the file is opened for writing. */
  private static String stoppedHalfWay(Path file) {
    return "a program that was writing it stopped half-way (its journal "
        + file.getFileName()
        + "-journal is still there)";
  }

  static WorkspaceOpenException alreadyExists(Path file) {
    return new WorkspaceOpenException(
        Problem.ALREADY_EXISTS,
        file,
        "Cannot create " + file + ": a file with that name already exists.",
        null);
  }

  static WorkspaceOpenException createFailed(Path file, String reason, Throwable cause) {
    return new WorkspaceOpenException(
        Problem.CREATE_FAILED, file, "Cannot create " + file + ": " + reason + ".", cause);
  }
}
