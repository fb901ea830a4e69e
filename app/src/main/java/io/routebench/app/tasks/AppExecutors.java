package io.routebench.app.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The workbench's threads, created once by the composition root and shut down on exit.
 *
 * @param workers general background work (imports, exports, runs)
 * @param workspaceIo everything that touches the open workspace file, one task at a time, so that
 *     opening, saving and closing can never interleave
 * @param timers delays: autosave and settings coalescing
 * @param engine the one thread that owns the loaded router model (llama.cpp is not thread-safe)
 */
public record AppExecutors(
    ExecutorService workers,
    ExecutorService workspaceIo,
    ScheduledExecutorService timers,
    ExecutorService engine) {

  public static AppExecutors create(Thread.UncaughtExceptionHandler uncaughtExceptions) {
    return new AppExecutors(
        Executors.newCachedThreadPool(daemons("routebench-worker", uncaughtExceptions)),
        Executors.newSingleThreadExecutor(daemons("routebench-workspace-io", uncaughtExceptions)),
        Executors.newSingleThreadScheduledExecutor(daemons("routebench-timer", uncaughtExceptions)),
        Executors.newSingleThreadExecutor(daemons("routebench-engine", uncaughtExceptions)));
  }

  /**
   * Daemon threads named {@code prefix-N}, so a thread dump says what each one is for and no worker
   * keeps the JVM alive after the window closes.
   */
  private static ThreadFactory daemons(
      String prefix, Thread.UncaughtExceptionHandler uncaughtExceptions) {
    return Thread.ofPlatform()
        .name(prefix + "-", 1)
        .daemon()
        .uncaughtExceptionHandler(uncaughtExceptions)
        .factory();
  }

  /**
   * Stops accepting work and waits briefly for running work (a save, closing the router model) to
   * finish.
   */
  public void shutdown() {
    timers.shutdownNow();
    workers.shutdownNow();
    workspaceIo.shutdown();
    engine.shutdown();
    try {
      workspaceIo.awaitTermination(10, TimeUnit.SECONDS);
      engine.awaitTermination(10, TimeUnit.SECONDS);
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
