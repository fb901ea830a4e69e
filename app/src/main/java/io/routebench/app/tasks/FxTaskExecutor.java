package io.routebench.app.tasks;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs tasks as {@link javafx.concurrent.Task}s on an executor owned by the composition root;
 * callbacks and progress arrive on the FX application thread.
 */
public final class FxTaskExecutor implements TaskExecutor {

  private final ExecutorService threads;
  private final Consumer<Throwable> unhandledFailures;

  /**
   * @param threads where the work runs; a single-thread executor gives writes a strict order
   * @param unhandledFailures receives failures of tasks that have no failure callback (on the FX
   *     thread)
   */
  public FxTaskExecutor(ExecutorService threads, Consumer<Throwable> unhandledFailures) {
    this.threads = threads;
    this.unhandledFailures = unhandledFailures;
  }

  @Override
  public <T> TaskHandle execute(BackgroundTask<T> task) {
    Task<T> fxTask = new AdaptedTask<>(task);
    fxTask.setOnSucceeded(event -> task.succeeded(fxTask.getValue()));
    fxTask.setOnFailed(
        event -> {
          Throwable failure = fxTask.getException();
          task.failureCallback()
              .ifPresentOrElse(c -> c.accept(failure), () -> unhandledFailures.accept(failure));
        });
    fxTask.setOnCancelled(event -> task.cancelled());
    fxTask.progressProperty().addListener((obs, old, now) -> task.progressed(now.doubleValue()));
    fxTask.messageProperty().addListener((obs, old, now) -> task.messaged(now));
    threads.execute(fxTask);
    return new Handle(fxTask);
  }

  @Override
  public void runOnUiThread(Runnable update) {
    Platform.runLater(update);
  }

  private static final class AdaptedTask<T> extends Task<T> {
    private final BackgroundTask<T> task;

    AdaptedTask(BackgroundTask<T> task) {
      this.task = task;
      updateTitle(task.title());
    }

    @Override
    protected T call() throws Exception {
      return task.work()
          .run(
              new ProgressReporter() {
                @Override
                public void progress(long done, long total) {
                  updateProgress(done, total);
                }

                @Override
                public void message(String message) {
                  updateMessage(message);
                }

                @Override
                public boolean isCancelled() {
                  return AdaptedTask.this.isCancelled();
                }
              });
    }
  }

  private record Handle(Task<?> fxTask) implements TaskHandle {
    @Override
    public void cancel() {
      fxTask.cancel();
    }

    @Override
    public boolean isDone() {
      return fxTask.isDone();
    }

    @Override
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
      try {
        fxTask.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return true;
      } catch (ExecutionException | CancellationException finishedAnyway) {
        return true;
      } catch (TimeoutException stillRunning) {
        // Not an error: the caller asked whether the task ended within the timeout, and it did not.
        return false;
      }
    }
  }
}
