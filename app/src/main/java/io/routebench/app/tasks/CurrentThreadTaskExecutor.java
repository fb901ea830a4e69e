package io.routebench.app.tasks;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs each task to completion on the calling thread, callbacks included: for tests, where the
 * outcome must be visible as soon as {@link #execute} returns.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

  private final Consumer<Throwable> unhandledFailures;

  /** Failures of tasks without a failure callback are rethrown to the caller. */
  public CurrentThreadTaskExecutor() {
    this(
        failure -> {
          throw new IllegalStateException("background task failed", failure);
        });
  }

  public CurrentThreadTaskExecutor(Consumer<Throwable> unhandledFailures) {
    this.unhandledFailures = unhandledFailures;
  }

  @Override
  public <T> TaskHandle execute(BackgroundTask<T> task) {
    T value;
    try {
      value =
          task.work()
              .run(
                  new ProgressReporter() {
                    @Override
                    public void progress(long done, long total) {
                      task.progressed(total <= 0 ? 0 : (double) done / total);
                    }

                    @Override
                    public void message(String message) {
                      task.messaged(message);
                    }

                    @Override
                    public boolean isCancelled() {
                      return false;
                    }
                  });
    } catch (Exception failure) {
      task.failureCallback()
          .ifPresentOrElse(c -> c.accept(failure), () -> unhandledFailures.accept(failure));
      return FINISHED;
    }
    task.succeeded(value);
    return FINISHED;
  }

  @Override
  public void runOnUiThread(Runnable update) {
    update.run();
  }

  private static final TaskHandle FINISHED =
      new TaskHandle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
          return true;
        }

        @Override
        public boolean awaitCompletion(Duration timeout) {
          return true;
        }
      };
}
