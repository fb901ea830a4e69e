package io.routebench.core.routing;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One decision asked of a router: it is decided on the engine's thread and its outcome is handed to
 * the listener on the delivery thread. This is the one place where a stale answer is dropped: on
 * arrival, on the delivery thread, an answer whose call was cancelled meanwhile is reported as
 * {@link DecisionListener#cancelled()} instead. Whoever cancels on the delivery thread therefore
 * never hears an answer it no longer wants, and needs no request counters of its own.
 */
public final class DecisionCall {

  private final RouteRequest request;
  private final DecisionListener listener;
  private final Executor delivery;
  private final CancellationToken cancellation = new CancellationToken();

  /** Set on the delivery thread when the listener has heard how the call ended. */
  private final AtomicBoolean ended = new AtomicBoolean();

  /**
   * @param delivery where the listener is called: the thread that asks and cancels ({@code
   *     Platform::runLater} in the workbench)
   */
  public DecisionCall(RouteRequest request, DecisionListener listener, Executor delivery) {
    this.request = Objects.requireNonNull(request, "request");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /** Stops the decision at the engine's next checkpoint; its outcome is then never delivered. */
  public void cancel() {
    cancellation.cancel();
  }

  public boolean isCancelled() {
    return cancellation.isCancelled();
  }

  /**
   * Decides with {@code selector} on the calling thread (the one that owns the engine) and hands
   * the outcome over to the delivery thread. A call cancelled before it started is not asked.
   */
  public void run(RouteSelector selector) {
    RouterAnswer answer;
    try {
      cancellation.throwIfCancelled();
      answer = selector.select(request, cancellation, this::preview);
    } catch (RoutingCancelledException cancelled) {
      skip();
      return;
    } catch (RuntimeException error) {
      end(listener -> listener.failed(error));
      return;
    }
    end(listener -> listener.decided(answer));
  }

  /** Ends the call without asking the engine (it was cancelled, or cannot run). */
  public void skip() {
    end(DecisionListener::cancelled);
  }

  /** Ends the call with {@code error} without asking the engine (e.g. no router is loaded). */
  public void fail(RuntimeException error) {
    end(listener -> listener.failed(error));
  }

  private void preview(RouterAnswer preview) {
    delivery.execute(
        () -> {
          if (!ended.get() && !cancellation.isCancelled()) {
            listener.previewed(preview);
          }
        });
  }

  private void end(Consumer<DecisionListener> outcome) {
    delivery.execute(
        () -> {
          if (!ended.compareAndSet(false, true)) {
            return;
          }
          if (cancellation.isCancelled()) {
            listener.cancelled();
          } else {
            outcome.accept(listener);
          }
        });
  }
}
