package io.routebench.core.routing;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live routing for one conversation being typed: the newest request supersedes the one in flight.
 *
 * <p>A superseded request is cancelled (the engine stops at its next checkpoint), a request that
 * has not started yet is skipped, and the outcome of a cancelled request is never delivered: each
 * request is a {@link DecisionCall}, which drops a stale answer on arrival, on the delivery thread.
 * At most one drain task per session sits in the engine's queue, so bursts of keystrokes never pile
 * up stale work. An engine that can show an early answer has it delivered first ({@link
 * DecisionListener#previewed}), under the same rule.
 */
public final class LiveRoutingSession {

  private final RouteSelector selector;
  private final Executor engineExecutor;
  private final Executor delivery;
  private final AtomicReference<Pending> newest = new AtomicReference<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  /**
   * @param engineExecutor the single thread that owns the engine (llama.cpp contexts are not
   *     thread-safe)
   * @param delivery where listeners are told: the thread that submits and cancels (the UI thread)
   */
  public LiveRoutingSession(RouteSelector selector, Executor engineExecutor, Executor delivery) {
    this.selector = Objects.requireNonNull(selector, "selector");
    this.engineExecutor = Objects.requireNonNull(engineExecutor, "engineExecutor");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /**
   * Asks for a route, superseding any earlier request of this session. Exactly one of the
   * listener's ending methods is called for this request, on the delivery thread. Submitted on the
   * delivery thread, a request superseded before its answer was delivered is told {@code
   * cancelled()}, never its answer.
   */
  public void submit(RouteRequest request, DecisionListener listener) {
    var pending = new Pending(new DecisionCall(request, listener, delivery));
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
    // It stays the newest after it ran: until its outcome reaches the delivery thread, a newer
    // request must still cancel it, or its answer would arrive as current.
    pending.call.run(selector);
  }

  /** A request and whether the engine has taken it (or it was skipped). */
  private static final class Pending {
    private final DecisionCall call;
    private final AtomicBoolean claimed = new AtomicBoolean();

    Pending(DecisionCall call) {
      this.call = call;
    }

    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    void supersede() {
      call.cancel();
      // A request that never started is told now; a running one when the engine stops.
      if (claim()) {
        call.skip();
      }
    }
  }
}
