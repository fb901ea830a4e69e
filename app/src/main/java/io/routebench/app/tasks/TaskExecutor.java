package io.routebench.app.tasks;

/**
 * The one way the workbench runs work off the UI thread. View models receive it by injection, so
 * tests can swap in {@link CurrentThreadTaskExecutor} and observe outcomes synchronously.
 */
public interface TaskExecutor {

  <T> TaskHandle execute(BackgroundTask<T> task);
}
