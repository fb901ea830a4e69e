package io.routebench.app.workspace;

/** Where the latest edit stands on its way to disk, as the status bar shows it. */
public enum SaveState {
  /** Everything the user sees is in the workspace file. */
  SAVED,
  /** An edit waits for the next save (at most a few hundred milliseconds). */
  PENDING,
  /** A save is being written. */
  SAVING,
  /** The last save failed; the edit is kept in memory and retried with the next one. */
  FAILED
}
