package io.routebench.inference.remote;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (random port) standing in for Ollama / llama-server: records what
 * it receives and answers with a canned status and body (or scripted replies first), or holds the
 * answer back until released (for timeouts and cancellation). It counts the requests it is working
 * on at once, so parallelism is asserted where it happens, not by timing.
 */
final class FakeChatServer implements AutoCloseable {

  /** One request as it arrived. */
  record Received(String method, String path, Headers headers, byte[] body, long arrivalNanos) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** One answer: status, extra headers, body. */
  record Reply(int status, Map<String, String> headers, String body) {}

  /** A chat completion whose message content is {@code contentJsonString} (a JSON string). */
  static String completion(String contentJsonString, String usageJson) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":"
        + contentJsonString
        + "},\"finish_reason\":\"stop\"}]"
        + (usageJson == null ? "" : ",\"usage\":" + usageJson)
        + "}";
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CopyOnWriteArrayList<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstRequestArrived = new CountDownLatch(1);
  private final Semaphore arrivals = new Semaphore(0);
  private final CountDownLatch release = new CountDownLatch(1);
  private final ConcurrentLinkedQueue<Reply> scripted = new ConcurrentLinkedQueue<>();
  private volatile Function<Received, Reply> responder = request -> new Reply(200, Map.of(), "");
  private volatile boolean holdAnswers;
  private volatile int roundSize = 1;
  private volatile Duration roundPatience = Duration.ZERO;
  private int inFlight;
  private int maxInFlight;
  private int arrivedInRound;
  private long round;

  FakeChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** e.g. {@code http://127.0.0.1:41234} */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeChatServer answering(int status, String body) {
    return answeringWith(request -> new Reply(status, Map.of(), body));
  }

  /** Answers with a chat completion whose message content is {@code content}. */
  FakeChatServer answeringContent(String contentJsonString, String usageJson) {
    return answering(200, completion(contentJsonString, usageJson));
  }

  /** Answers each request as {@code responder} decides (after any scripted replies). */
  FakeChatServer answeringWith(Function<Received, Reply> responder) {
    this.responder = responder;
    return this;
  }

  /** The next requests get these replies, one each, before the usual answer resumes. */
  FakeChatServer replyingFirst(Reply... replies) {
    scripted.addAll(List.of(replies));
    return this;
  }

  /**
   * Holds each request until {@code size} are waiting, then answers them together, like a batching
   * engine; a round that does not fill within {@code patience} is answered as it is (the tail of a
   * batch, or a client sending fewer at once).
   */
  FakeChatServer answeringInRoundsOf(int size, Duration patience) {
    this.roundSize = size;
    this.roundPatience = patience;
    return this;
  }

  /** The most requests this server was working on at the same moment. */
  synchronized int maxInFlight() {
    return maxInFlight;
  }

  /** Requests are received but not answered until {@link #close()}. */
  FakeChatServer holdingAnswers() {
    this.holdAnswers = true;
    return this;
  }

  boolean awaitFirstRequest() throws InterruptedException {
    return firstRequestArrived.await(10, TimeUnit.SECONDS);
  }

  /** Waits until {@code count} requests have arrived since the last wait. */
  boolean awaitRequests(int count) throws InterruptedException {
    return arrivals.tryAcquire(count, 10, TimeUnit.SECONDS);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  Received onlyRequest() {
    if (received.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + received.size());
    }
    return received.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] requestBody = exchange.getRequestBody().readAllBytes();
      var request =
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              requestBody,
              System.nanoTime());
      received.add(request);
      arrived();
      firstRequestArrived.countDown();
      arrivals.release();
      if (holdAnswers) {
        release.await();
      }
      awaitRound();
      Reply reply = scripted.poll();
      if (reply == null) {
        reply = responder.apply(request);
      }
      byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      // Done before the client can hear the answer and send its next request.
      departed();
      exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void arrived() {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
  }

  private synchronized void departed() {
    inFlight--;
  }

  private synchronized void awaitRound() throws InterruptedException {
    long myRound = round;
    arrivedInRound++;
    if (arrivedInRound >= roundSize) {
      nextRound();
      return;
    }
    long deadline = System.nanoTime() + roundPatience.toNanos();
    while (round == myRound) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        nextRound();
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private void nextRound() {
    round++;
    arrivedInRound = 0;
    notifyAll();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
