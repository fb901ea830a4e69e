package io.routebench.app.tasks;

import java.time.Duration;

/** A running (or finished) background task as seen by whoever started it. */
public interface TaskHandle {

  /** Asks the work to stop; its cancel callback runs instead of success or failure. */
  void cancel();

  boolean isDone();

  /**
   * Blocks until the work has finished, whatever its outcome, or the timeout passes. Only for
   * shutdown paths that must not return before a write is durable.
   *
   * @return whether the work finished in time
   */
  boolean awaitCompletion(Duration timeout) throws InterruptedException;
}
