package io.routebench.app.tasks;

/**
 * The one way the workbench runs work off the UI thread, and the one way back. View models receive
 * it by injection, so tests can swap in {@link CurrentThreadTaskExecutor} and observe outcomes
 * synchronously.
 */
public interface TaskExecutor {

  /** Runs {@code task}'s work off the UI thread; its callbacks come back on the UI thread. */
  <T> TaskHandle execute(BackgroundTask<T> task);

  /**
   * Runs {@code update} on the UI thread, after the updates handed over before it: how work under
   * way shows what it has so far (a reply's text, a run's answers, a decision). A task's own
   * outcome comes back through its callbacks instead.
   */
  void runOnUiThread(Runnable update);
}
