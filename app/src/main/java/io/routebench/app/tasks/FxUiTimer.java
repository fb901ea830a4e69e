package io.routebench.app.tasks;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/** Waits on a shared scheduler thread, then hands the action to the FX application thread. */
public final class FxUiTimer implements UiTimer {

  private final ScheduledExecutorService scheduler;

  public FxUiTimer(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable action) {
    // The flag closes the gap between the scheduler firing and the FX thread running the action:
    // a cancel in between must still win.
    AtomicBoolean cancelled = new AtomicBoolean();
    ScheduledFuture<?> future =
        scheduler.schedule(
            () ->
                Platform.runLater(
                    () -> {
                      if (!cancelled.get()) {
                        action.run();
                      }
                    }),
            delay.toMillis(),
            TimeUnit.MILLISECONDS);
    return () -> {
      cancelled.set(true);
      future.cancel(false);
    };
  }
}
