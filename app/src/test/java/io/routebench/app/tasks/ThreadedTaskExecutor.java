package io.routebench.app.tasks;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The window's threading without JavaFX: each task's work runs on a worker thread, its callbacks
 * and progress on a stand-in UI thread, as {@link FxTaskExecutor} does with the FX application
 * thread. For benchmarks that drive view models headless (the bench module reuses it from this
 * module's test-jar).
 */
public final class ThreadedTaskExecutor implements TaskExecutor {

  private final ExecutorService workers;
  private final Executor ui;
  private final Consumer<Throwable> unhandledFailures;

  /**
   * @param workers where the work runs
   * @param ui where callbacks run: a single thread, so that view models stay confined to it
   * @param unhandledFailures receives, on {@code ui}, failures of tasks without a failure callback
   */
  public ThreadedTaskExecutor(
      ExecutorService workers, Executor ui, Consumer<Throwable> unhandledFailures) {
    this.workers = workers;
    this.ui = ui;
    this.unhandledFailures = unhandledFailures;
  }

  @Override
  public void runOnUiThread(Runnable update) {
    ui.execute(update);
  }

  @Override
  public <T> TaskHandle execute(BackgroundTask<T> task) {
    var running = new Running<>(task);
    workers.execute(running.future);
    return running;
  }

  /** One task: its handle, and the progress reporter its work is given. */
  private final class Running<T> implements TaskHandle, ProgressReporter {
    private final BackgroundTask<T> task;
    private final FutureTask<T> future;

    Running(BackgroundTask<T> task) {
      this.task = task;
      this.future =
          new FutureTask<>(() -> task.work().run(this)) {
            @Override
            protected void done() {
              ended(this);
            }
          };
    }

    private void ended(FutureTask<T> finished) {
      switch (finished.state()) {
        case SUCCESS -> {
          T value = finished.resultNow();
          ui.execute(() -> task.succeeded(value));
        }
        case FAILED -> {
          Throwable failure = finished.exceptionNow();
          ui.execute(
              () ->
                  task.failureCallback()
                      .ifPresentOrElse(
                          c -> c.accept(failure), () -> unhandledFailures.accept(failure)));
        }
        case CANCELLED -> ui.execute(task::cancelled);
        case RUNNING -> throw new IllegalStateException("a running task cannot have ended");
      }
    }

    @Override
    public void progress(long done, long total) {
      double fraction = total <= 0 ? 0 : (double) done / total;
      ui.execute(() -> task.progressed(fraction));
    }

    @Override
    public void message(String message) {
      ui.execute(() -> task.messaged(message));
    }

    @Override
    public boolean isCancelled() {
      return future.isCancelled();
    }

    @Override
    public void cancel() {
      future.cancel(true);
    }

    @Override
    public boolean isDone() {
      return future.isDone();
    }

    @Override
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
      try {
        future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return true;
      } catch (ExecutionException | CancellationException finishedAnyway) {
        return true;
      } catch (TimeoutException stillRunning) {
        // The caller asked whether the task ended in time; it did not.
        return false;
      }
    }
  }
}
