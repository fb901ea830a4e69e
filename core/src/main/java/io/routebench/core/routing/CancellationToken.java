package io.routebench.core.routing;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation shared between whoever asked for work and the engine doing it. Engines
 * poll {@link #isCancelled()} between steps and may register a hook that interrupts native work.
 */
public final class CancellationToken {

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CopyOnWriteArrayList<Runnable> hooks = new CopyOnWriteArrayList<>();

  /** A token nobody will cancel. */
  public static CancellationToken none() {
    return new CancellationToken();
  }

  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      hooks.forEach(Runnable::run);
    }
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Runs {@code hook} on cancel (at once if already cancelled); hooks must be quick. */
  public void onCancel(Runnable hook) {
    hooks.add(hook);
    if (cancelled.get() && hooks.remove(hook)) {
      hook.run();
    }
  }

  /** Throws {@link RoutingCancelledException} when cancelled: a checkpoint for long loops. */
  public void throwIfCancelled() {
    if (isCancelled()) {
      throw new RoutingCancelledException();
    }
  }
}
