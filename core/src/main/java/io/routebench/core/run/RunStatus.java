package io.routebench.core.run;

/** Where a regression run stands. */
public enum RunStatus {
  /** Being answered now; the results so far are stored as they arrive. */
  RUNNING,
  COMPLETED,
  /** The user stopped it; the results cover the turns answered until then. */
  CANCELLED,
  FAILED,
  /**
   * The process running it ended without finishing it (a crash, {@code kill -9}, a power cut): the
   * stored results are kept, and the run can be resumed.
   */
  INTERRUPTED;

  /** Whether the run stopped before every turn was answered, so resuming it makes sense. */
  public boolean isResumable() {
    return this == CANCELLED || this == INTERRUPTED || this == FAILED;
  }
}
