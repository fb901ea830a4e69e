package io.routebench.storage.sqlite;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into reasons a user can act on. */
public final class SqliteErrors {

  private static final int SQLITE_PERM = 3;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;
  private static final int SQLITE_READONLY_ROLLBACK = SQLITE_READONLY | (3 << 8);

  /**
   * The driver's message shape: {@code [SQLITE_ERROR] SQL error or missing database (malformed
   * JSON)}; the generic code text says nothing the part in parentheses does not.
   */
  private static final Pattern DRIVER_MESSAGE = Pattern.compile("^\\[SQLITE_\\w+] .*? \\((.*)\\)$");

  private SqliteErrors() {}

  /** Whether SQLite found the file's content damaged (as opposed to not reachable). */
  public static boolean isCorruption(SQLException e) {
    int code = primaryCode(e);
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
  }

  /**
   * Whether a read-only connection met a journal of half-made changes that only a writer can undo
   * ({@code SQLITE_READONLY_ROLLBACK}).
   */
  public static boolean isReadOnlyRecovery(SQLException e) {
    return primaryCode(e) == SQLITE_READONLY && extendedCode(e) == SQLITE_READONLY_ROLLBACK;
  }

  /** A short reason, starting lower case, for "Could not … : reason". */
  public static String describe(SQLException e) {
    return switch (primaryCode(e)) {
      case SQLITE_FULL ->
          "the disk is full (or the file reached its size limit), so nothing of this change was"
              + " written; free some space and try again";
      case SQLITE_READONLY, SQLITE_PERM -> "the file or its folder is read-only";
      case SQLITE_BUSY, SQLITE_LOCKED ->
          "another program is using the workspace and did not let go within 5 seconds";
      case SQLITE_CANTOPEN -> "the file cannot be opened (" + detail(e) + ")";
      case SQLITE_IOERR -> "the disk reported an error (" + detail(e) + ")";
      case SQLITE_CORRUPT, SQLITE_NOTADB -> "the file is damaged (" + detail(e) + ")";
      default -> detail(e);
    };
  }

  /** SQLite's own explanation of the failure, without the driver's decoration. */
  public static String detail(SQLException e) {
    String message = String.valueOf(e.getMessage());
    Matcher matcher = DRIVER_MESSAGE.matcher(message);
    return matcher.matches() ? matcher.group(1) : message;
  }

  /** SQLite's extended result code, or -1. */
  private static int extendedCode(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        return sqlite.getResultCode().code;
      }
    }
    return e.getErrorCode() > 0 ? e.getErrorCode() : -1;
  }

  /** SQLite's primary result code (extended codes keep it in their low byte), or -1. */
  private static int primaryCode(SQLException e) {
    int extended = extendedCode(e);
    return extended < 0 ? -1 : extended & 0xFF;
  }
}
