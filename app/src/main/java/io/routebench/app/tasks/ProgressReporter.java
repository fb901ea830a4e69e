package io.routebench.app.tasks;

/** What background work sees of its task: a place to report progress and a cancellation flag. */
public interface ProgressReporter {

  /** Reports that {@code done} of {@code total} units are finished. */
  void progress(long done, long total);

  /** A short line describing the current step, e.g. "Loading policies…". */
  void message(String message);

  /** Long loops check this between steps; cancelled work should return or throw promptly. */
  boolean isCancelled();
}
