package io.routebench.app.testing;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.TaskHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Holds tasks until the test runs them, to observe what happens while work is in flight. Tasks run
 * (callbacks included) on the test thread.
 */
public final class QueuedTaskExecutor implements TaskExecutor {

  private final Deque<Runnable> queued = new ArrayDeque<>();
  private final CurrentThreadTaskExecutor runner = new CurrentThreadTaskExecutor();

  @Override
  public <T> TaskHandle execute(BackgroundTask<T> task) {
    var handle = new QueuedHandle();
    queued.add(
        () -> {
          handle.done = true;
          runner.execute(task);
        });
    return handle;
  }

  /** Updates run at once, on the test thread, as the tasks' callbacks do. */
  @Override
  public void runOnUiThread(Runnable update) {
    update.run();
  }

  public void runNext() {
    queued.removeFirst().run();
  }

  public void runAll() {
    while (!queued.isEmpty()) {
      runNext();
    }
  }

  public int queuedCount() {
    return queued.size();
  }

  private final class QueuedHandle implements TaskHandle {
    private boolean done;

    @Override
    public void cancel() {}

    @Override
    public boolean isDone() {
      return done;
    }

    /** Runs queued work up to and including this task, as a real executor would finish it. */
    @Override
    public boolean awaitCompletion(Duration timeout) {
      while (!done && !queued.isEmpty()) {
        runNext();
      }
      return done;
    }
  }
}
