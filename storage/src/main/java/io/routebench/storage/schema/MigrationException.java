package io.routebench.storage.schema;

/**
 * A migration step failed; its transaction was rolled back, so the file is at {@link #fromVersion}.
 */
public final class MigrationException extends Exception {

  private final int fromVersion;
  private final int toVersion;

  MigrationException(Migration step, Throwable cause) {
    super(
        "migration from schema version "
            + step.fromVersion()
            + " to "
            + step.toVersion()
            + " ("
            + step.description()
            + ") failed: "
            + cause.getMessage(),
        cause);
    this.fromVersion = step.fromVersion();
    this.toVersion = step.toVersion();
  }

  /** The version the file is still at. */
  public int fromVersion() {
    return fromVersion;
  }

  public int toVersion() {
    return toVersion;
  }
}
