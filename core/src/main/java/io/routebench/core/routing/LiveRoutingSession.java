package io.routebench.core.routing;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Live routing for one conversation being typed: the newest request supersedes the one in flight.
 *
 * <p>A superseded request is cancelled through its {@link CancellationToken} (the engine stops at
 * its next checkpoint), a request that has not started yet is skipped, and the result of a request
 * that is no longer the newest is never delivered. At most one drain task per session sits in the
 * engine's queue, so bursts of keystrokes never pile up stale work. An engine that can show an
 * early answer has it delivered first ({@link LiveRoutingListener#previewed}), under the same rule.
 */
public final class LiveRoutingSession {

  private final RouteSelector selector;
  private final Executor engineExecutor;
  private final AtomicReference<Pending> newest = new AtomicReference<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  /**
   * @param engineExecutor the single thread that owns the engine (llama.cpp contexts are not
   *     thread-safe)
   */
  public LiveRoutingSession(RouteSelector selector, Executor engineExecutor) {
    this.selector = Objects.requireNonNull(selector, "selector");
    this.engineExecutor = Objects.requireNonNull(engineExecutor, "engineExecutor");
  }

  /**
   * Asks for a route, superseding any earlier request of this session. Exactly one of the
   * listener's methods is called for this request: on the engine thread, except {@code
   * superseded()} for a request replaced before it started, which is called on the submitting
   * thread.
   */
  public void submit(RouteRequest request, LiveRoutingListener listener) {
    var pending = new Pending(request, listener);
    Pending previous = newest.getAndSet(pending);
    if (previous != null) {
      previous.supersede();
    }
    scheduleDrain();
  }

  /** Cancels whatever is pending or running; nothing more is delivered. */
  public void cancel() {
    Pending previous = newest.getAndSet(null);
    if (previous != null) {
      previous.supersede();
    }
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      engineExecutor.execute(this::drain);
    }
  }

  private void drain() {
    drainScheduled.set(false);
    Pending pending = newest.get();
    if (pending == null || !pending.claim()) {
      return;
    }
    pending.run();
  }

  private boolean isNewest(Pending pending) {
    return newest.get() == pending;
  }

  /** Hears how a live request ended. */
  public interface LiveRoutingListener {

    /**
     * An early, provisional answer ({@link RouterAnswer#isPreview()}) while the exact one is still
     * being decoded; called on the engine thread, never after the request was superseded, and
     * always followed by one of the other methods.
     */
    default void previewed(RouterAnswer preview) {}

    /** The exact answer: the decision production makes. */
    void decided(RouterAnswer answer);

    /** A newer request replaced this one; its work was cancelled or skipped. */
    void superseded();

    void failed(RuntimeException error);

    static LiveRoutingListener of(
        Consumer<RouterAnswer> decided, Runnable superseded, Consumer<RuntimeException> failed) {
      return of(preview -> {}, decided, superseded, failed);
    }

    static LiveRoutingListener of(
        Consumer<RouterAnswer> previewed,
        Consumer<RouterAnswer> decided,
        Runnable superseded,
        Consumer<RuntimeException> failed) {
      return new LiveRoutingListener() {
        @Override
        public void previewed(RouterAnswer preview) {
          previewed.accept(preview);
        }

        @Override
        public void decided(RouterAnswer answer) {
          decided.accept(answer);
        }

        @Override
        public void superseded() {
          superseded.run();
        }

        @Override
        public void failed(RuntimeException error) {
          failed.accept(error);
        }
      };
    }
  }

  private final class Pending {
    private final RouteRequest request;
    private final LiveRoutingListener listener;
    private final CancellationToken cancellation = new CancellationToken();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    Pending(RouteRequest request, LiveRoutingListener listener) {
      this.request = request;
      this.listener = listener;
    }

    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    void supersede() {
      cancellation.cancel();
      // A request that never started is told at once; a running one is told when it stops.
      if (claimed.compareAndSet(false, true)) {
        finish(() -> listener.superseded());
      }
    }

    void run() {
      try {
        RouterAnswer answer = selector.select(request, cancellation, this::preview);
        if (isNewest(this) && !cancellation.isCancelled()) {
          finish(() -> listener.decided(answer));
        } else {
          finish(listener::superseded);
        }
      } catch (RoutingCancelledException cancelled) {
        finish(listener::superseded);
      } catch (RuntimeException error) {
        if (isNewest(this) && !cancellation.isCancelled()) {
          finish(() -> listener.failed(error));
        } else {
          finish(listener::superseded);
        }
      } finally {
        newest.compareAndSet(this, null);
        // A request submitted while this one ran has its own drain queued; nothing to do here.
      }
    }

    private void preview(RouterAnswer preview) {
      if (isNewest(this) && !cancellation.isCancelled() && !finished.get()) {
        listener.previewed(preview);
      }
    }

    private void finish(Runnable notification) {
      if (finished.compareAndSet(false, true)) {
        notification.run();
      }
    }
  }
}
