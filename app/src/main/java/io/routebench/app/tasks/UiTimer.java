package io.routebench.app.tasks;

import java.time.Duration;

/**
 * Runs an action on the UI thread after a delay. Injected so that coalescing logic (autosave,
 * settings) can be tested by firing the timers by hand instead of sleeping.
 */
public interface UiTimer {

  Scheduled schedule(Duration delay, Runnable action);

  /** A pending action; cancelling one that already ran does nothing. */
  interface Scheduled {
    void cancel();
  }
}
