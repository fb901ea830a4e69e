package io.routebench.inference.remote;

import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.BatchRequestFailedException;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.routing.RoutingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One batch of requests to a remote router, at most {@code parallel} of them in flight.
 *
 * <p>Threading: the HTTP client's threads read each response, start the next request in its place
 * (building its prompt and JSON body) and put the outcome on a queue; the thread that called {@link
 * #answer} takes the outcomes from it and alone calls the progress listener. So the listener is
 * called one answer at a time, in arrival order, on the caller's thread, and never holds up the
 * server. Retries wait on the JDK's delayed executor, not on a thread.
 *
 * <p>The first request that fails for good (after its retries) stops the batch: exchanges still in
 * flight and retries still waiting are cancelled, nothing more is sent, and the failure names its
 * request. Cancelling the token does the same and answers {@link RoutingCancelledException}.
 */
final class InFlightBatch {

  /** Statuses that mean "busy, ask again later" (rate limit, overloaded or restarting upstream). */
  private static final Set<Integer> BUSY = Set.of(429, 502, 503, 504);

  /** The selector's side of an exchange: what to send and how to read what came back. */
  interface Exchanges {

    /**
     * The HTTP request for {@code request}.
     *
     * @throws RoutingException when it cannot be built (an API key variable that is not set)
     */
    HttpRequest prepare(RouteRequest request);

    /**
     * The router's answer in a final response (any status but a retried busy one).
     *
     * @param attempts how many times the request was sent, for the error message
     * @throws RoutingException when the server refused or answered something unreadable
     */
    RouterAnswer read(
        RouteRequest request, HttpResponse<String> response, long totalMillis, int attempts);

    /**
     * What went wrong on the way, as the user should read it; the batch adds how many attempts were
     * made when there were several.
     */
    RoutingException failed(Throwable cause);
  }

  private sealed interface Outcome {}

  private record Answered(int index, RouterAnswer answer) implements Outcome {}

  private record Failed(int index, RoutingException error) implements Outcome {}

  private record Cancelled() implements Outcome {}

  private final HttpClient client;
  private final Exchanges exchanges;
  private final RetryPolicy retry;
  private final int parallel;
  private final List<RouteRequest> requests;
  private final AtomicInteger nextRequest = new AtomicInteger();
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  /** A batch answers once: {@link #answer} may be called one time. */
  InFlightBatch(
      HttpClient client,
      Exchanges exchanges,
      RetryPolicy retry,
      int parallel,
      List<RouteRequest> requests) {
    this.client = client;
    this.exchanges = exchanges;
    this.retry = retry;
    this.parallel = parallel;
    this.requests = List.copyOf(requests);
  }

  /**
   * Answers every request; blocks until all are answered, one failed, or the token was cancelled.
   *
   * @param nameRequests whether a failure says which request of the batch it was ({@link
   *     BatchRequestFailedException}); a single decision needs no number
   * @return the answers in request order
   */
  List<RouterAnswer> answer(
      BatchProgressListener progress, CancellationToken cancellation, boolean nameRequests) {
    int total = requests.size();
    var answers = new RouterAnswer[total];
    // The hook outlives the batch when the token is shared; it reaches the batch through a
    // reference cleared at the end, so a finished batch is not kept alive by it.
    var target = new AtomicReference<>(this);
    cancellation.onCancel(
        () -> {
          InFlightBatch batch = target.getAndSet(null);
          if (batch != null) {
            batch.stop();
            batch.outcomes.add(new Cancelled());
          }
        });
    try {
      cancellation.throwIfCancelled();
      for (int i = 0; i < Math.min(parallel, total); i++) {
        sendNext();
      }
      int done = 0;
      while (done < total) {
        switch (outcomes.take()) {
          case Cancelled cancelled -> throw new RoutingCancelledException();
          case Failed failed -> {
            // An exchange aborted by the cancel may report before the cancel itself.
            cancellation.throwIfCancelled();
            throw nameRequests
                ? new BatchRequestFailedException(
                    failed.index(), total, failed.error().getMessage(), failed.error())
                : failed.error();
          }
          case Answered answered -> {
            answers[answered.index()] = answered.answer();
            done++;
            progress.completed(answered.index(), answered.answer(), done, total);
          }
        }
      }
      return Arrays.asList(answers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingCancelledException();
    } finally {
      target.set(null);
      stop();
    }
  }

  /**
   * Starts the next request not yet sent, if any. Called once per slot at the start, then by each
   * answered request on the HTTP client's thread: the next request leaves at once, without waiting
   * for the caller's thread to hear of the answer, so a slow listener (storage) never idles the
   * server. At most {@code parallel} requests are in flight because each answer frees one slot.
   */
  private void sendNext() {
    int index = nextRequest.getAndIncrement();
    if (index >= requests.size() || stopped) {
      return;
    }
    RouteRequest request = requests.get(index);
    HttpRequest http;
    try {
      http = exchanges.prepare(request);
    } catch (RoutingException e) {
      outcomes.add(new Failed(index, e));
      return;
    }
    send(index, request, http, 1);
  }

  /** Sends one attempt; its outcome, or the next attempt, follows when the response is in. */
  private void send(int index, RouteRequest request, HttpRequest http, int attempt) {
    if (stopped) {
      return;
    }
    try {
      long start = System.nanoTime();
      // The request's timeout bounds the whole exchange, body included, and the body is capped.
      CompletableFuture<HttpResponse<String>> exchange =
          BoundedExchange.send(client, http, BoundedExchange.MAX_RESPONSE_BYTES);
      track(exchange);
      exchange.whenComplete(
          (response, error) -> {
            pending.remove(exchange);
            if (!stopped) {
              settle(index, request, http, attempt, response, error, start);
            }
          });
    } catch (RuntimeException e) {
      outcomes.add(new Failed(index, failed(e, attempt)));
    }
  }

  private void settle(
      int index,
      RouteRequest request,
      HttpRequest http,
      int attempt,
      HttpResponse<String> response,
      Throwable error,
      long startNanos) {
    try {
      if (error != null) {
        Throwable cause =
            error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        if (isTransient(cause) && retry.mayRetryAfter(attempt)) {
          later(index, request, http, attempt, Optional.empty());
          return;
        }
        outcomes.add(new Failed(index, failed(cause, attempt)));
        return;
      }
      if (BUSY.contains(response.statusCode()) && retry.mayRetryAfter(attempt)) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        later(index, request, http, attempt, RetryPolicy.retryAfter(header, Instant.now()));
        return;
      }
      long totalMillis = Math.round((System.nanoTime() - startNanos) / 1e6);
      outcomes.add(new Answered(index, exchanges.read(request, response, totalMillis, attempt)));
      sendNext();
    } catch (RoutingException e) {
      outcomes.add(new Failed(index, e));
    } catch (RuntimeException bug) {
      outcomes.add(
          new Failed(index, new RoutingException("unexpected " + bug.getClass().getName(), bug)));
    }
  }

  private RoutingException failed(Throwable cause, int attempts) {
    RoutingException failure = exchanges.failed(cause);
    return attempts == 1
        ? failure
        : new RoutingException(
            failure.getMessage() + " (" + attempts + " attempts)", failure.getCause());
  }

  private void later(
      int index,
      RouteRequest request,
      HttpRequest http,
      int attempt,
      Optional<Duration> retryAfter) {
    Duration wait = retry.delay(attempt, retryAfter, ThreadLocalRandom.current());
    CompletableFuture<Void> timer =
        CompletableFuture.runAsync(
            () -> send(index, request, http, attempt + 1),
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    track(timer);
    timer.whenComplete((ignored, error) -> pending.remove(timer));
  }

  /**
   * A dropped or reset connection is worth another try (servers under load close kept-alive
   * connections); an unreachable server, a request that ran out of time and an answer too large to
   * be one are not.
   */
  private static boolean isTransient(Throwable cause) {
    return cause instanceof IOException
        && !(cause instanceof HttpTimeoutException)
        && !(cause instanceof BoundedExchange.ResponseTooLargeException)
        && !hasCause(cause, ConnectException.class)
        && !hasCause(cause, UnresolvedAddressException.class);
  }

  static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private void track(Future<?> future) {
    pending.add(future);
    if (stopped) {
      future.cancel(true);
    }
  }

  /** Sends nothing more and aborts what is in flight; outcomes after this are ignored. */
  private void stop() {
    stopped = true;
    for (Future<?> future : pending) {
      future.cancel(true);
    }
    pending.clear();
  }
}
