package io.routebench.storage;

import io.routebench.storage.sqlite.SqliteErrors;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Reading or writing an open workspace failed (disk full, file locked, damaged, ...). The
 * transaction was rolled back: what was stored before the call is still stored. The message names
 * the file and what was being done, and can be shown to the user as is.
 */
public final class StorageException extends RuntimeException {

  private final Path file;

  private StorageException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  static StorageException of(Path file, String action, SQLException cause) {
    return new StorageException(
        file, "Could not " + action + " in " + file + ": " + SqliteErrors.describe(cause), cause);
  }

  public Path file() {
    return file;
  }
}
