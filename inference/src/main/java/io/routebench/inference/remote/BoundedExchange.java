package io.routebench.inference.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * HTTP exchanges that a server cannot hold open or fill memory with. The JDK client's request
 * timeout ends when the response headers arrive, so a server that sends headers and then one byte a
 * second held a run forever; and reading a body into a string has no limit, so an endless body was
 * read until memory ran out. Here the request's timeout bounds the <em>whole</em> exchange, body
 * included (the exchange is cancelled when it runs out), and a body larger than {@link
 * #MAX_RESPONSE_BYTES} is cut off with a {@link ResponseTooLargeException}.
 */
public final class BoundedExchange {

  /**
   * The largest response read: a router's answer is a few dozen bytes, a model list or a reply a
   * few hundred kilobytes at most; four megabytes is far beyond what any real answer approaches.
   */
  public static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /** One daemon thread ends every exchange that outlives its deadline. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private BoundedExchange() {}

  /**
   * Sends {@code request} and reads its body as UTF-8 text of at most {@code maxBytes}; the
   * request's timeout bounds the whole exchange.
   *
   * @return completes exceptionally with a {@link ResponseTimeoutException} when the timeout ran
   *     out (the exchange is cancelled), a {@link ResponseTooLargeException} when the body was too
   *     large, or what the client failed with
   */
  public static CompletableFuture<HttpResponse<String>> send(
      HttpClient client, HttpRequest request, int maxBytes) {
    Duration deadline =
        request
            .timeout()
            .orElseThrow(() -> new IllegalArgumentException("the request needs a timeout"));
    CompletableFuture<HttpResponse<String>> exchange =
        client.sendAsync(request, info -> new CappedText(maxBytes));
    var result = new CompletableFuture<HttpResponse<String>>();
    ScheduledFuture<?> timer =
        DEADLINES.schedule(
            () -> {
              if (result.completeExceptionally(new ResponseTimeoutException(deadline))) {
                exchange.cancel(true);
              }
            },
            deadline.toMillis(),
            TimeUnit.MILLISECONDS);
    exchange.whenComplete(
        (response, error) -> {
          timer.cancel(false);
          if (error == null) {
            result.complete(response);
          } else {
            result.completeExceptionally(unwrap(error));
          }
        });
    // Cancelling the result (a cancelled run) aborts the exchange too.
    result.whenComplete(
        (response, error) -> {
          if (result.isCancelled()) {
            timer.cancel(false);
            exchange.cancel(true);
          }
        });
    return result;
  }

  /**
   * As {@link #send}, waiting for the outcome.
   *
   * @throws IOException what the exchange failed with ({@link ResponseTimeoutException}, {@link
   *     ResponseTooLargeException}, a refused connection, ...)
   */
  public static HttpResponse<String> sendAndWait(
      HttpClient client, HttpRequest request, int maxBytes)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> exchange = send(client, request, maxBytes);
    try {
      return exchange.get();
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e.getCause());
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    }
  }

  /**
   * At most {@code maxBytes} of {@code in}, which is closed.
   *
   * @throws ResponseTooLargeException when there is more
   */
  static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new ResponseTooLargeException(maxBytes);
      }
      return bytes;
    }
  }

  /** Runs {@code check} every {@code period} until the returned future is cancelled. */
  static ScheduledFuture<?> every(Duration period, Runnable check) {
    return DEADLINES.scheduleWithFixedDelay(
        check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static ScheduledThreadPoolExecutor deadlines() {
    var executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "http-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** The whole exchange took longer than the request's timeout. */
  public static final class ResponseTimeoutException extends HttpTimeoutException {
    private final transient Duration timeout;

    ResponseTimeoutException(Duration timeout) {
      super("no complete response within " + timeout.toMillis() + " ms");
      this.timeout = timeout;
    }

    public Duration timeout() {
      return timeout;
    }
  }

  /** The server sent more than any real answer holds; reading stopped there. */
  public static final class ResponseTooLargeException extends IOException {
    private final int limit;

    ResponseTooLargeException(int limit) {
      super("the response is larger than " + limit / (1024 * 1024) + " MiB");
      this.limit = limit;
    }

    /** The limit in bytes. */
    public int limit() {
      return limit;
    }

    /** "4 MiB", for messages. */
    public String limitInWords() {
      return limit / (1024 * 1024) + " MiB";
    }
  }

  /** Collects a body as text up to a size, cancelling the subscription beyond it. */
  private static final class CappedText implements HttpResponse.BodySubscriber<String> {
    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedText(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<String> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > maxBytes) {
          subscription.cancel();
          body.completeExceptionally(new ResponseTooLargeException(maxBytes));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
