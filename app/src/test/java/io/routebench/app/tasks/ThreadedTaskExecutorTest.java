package io.routebench.app.tasks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmarks' stand-in for the window's threading keeps work and callbacks apart. */
class ThreadedTaskExecutorTest {

  private final ExecutorService workers =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("worker").factory());
  private final ExecutorService ui =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ui").factory());

  @AfterEach
  void stop() {
    workers.shutdownNow();
    ui.shutdownNow();
  }

  @Test
  void work_runs_on_a_worker_and_its_outcome_on_the_ui_thread() throws Exception {
    var executor = new ThreadedTaskExecutor(workers, ui, failure -> {});
    var workedOn = new CompletableFuture<String>();
    var outcome = new CompletableFuture<String>();

    executor.execute(
        BackgroundTask.of(
                "answer",
                progress -> {
                  workedOn.complete(Thread.currentThread().getName());
                  return 42;
                })
            .onSuccess(
                value -> outcome.complete(value + " on " + Thread.currentThread().getName())));

    assertThat(workedOn.get(10, SECONDS)).isEqualTo("worker");
    assertThat(outcome.get(10, SECONDS)).isEqualTo("42 on ui");
  }

  @Test
  void a_failure_without_a_callback_reaches_the_handler_on_the_ui_thread() throws Exception {
    var unhandled = new CompletableFuture<String>();
    var executor =
        new ThreadedTaskExecutor(
            workers,
            ui,
            failure ->
                unhandled.complete(
                    failure.getMessage() + " on " + Thread.currentThread().getName()));

    executor.execute(
        BackgroundTask.ofAction(
            "write",
            () -> {
              throw new IOException("disk full");
            }));

    assertThat(unhandled.get(10, SECONDS)).isEqualTo("disk full on ui");
  }
}
