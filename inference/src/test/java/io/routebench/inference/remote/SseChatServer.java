package io.routebench.inference.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A chat model on 127.0.0.1 that streams its reply as server-sent events, each scripted piece
 * written and flushed on its own (so a test can split a line across HTTP chunks), or refuses with a
 * status and body; optionally it then keeps the stream open, as a slow model does, until the client
 * hangs up, which it records.
 */
public final class SseChatServer implements AutoCloseable {

  /** One request as it arrived. */
  public record Received(String path, String authorization, String body) {}

  /** Ends a stream, as OpenAI does. */
  public static final String DONE = "data: [DONE]\n\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CopyOnWriteArrayList<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch hungUp = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int status = 200;
  private volatile String contentType = "text/event-stream";
  private volatile List<String> pieces = List.of(DONE);
  private volatile boolean holdAfterPieces;

  public SseChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** One event carrying {@code text} as {@code choices[0].delta.content}. */
  public static String delta(String text) {
    try {
      return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":"
          + "[{\"index\":0,\"delta\":{\"content\":"
          + JSON.writeValueAsString(text)
          + "},\"finish_reason\":null}]}\n\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** e.g. {@code http://127.0.0.1:41234}, without {@code /v1} */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers 200 with these pieces of an event stream, each flushed on its own. */
  public SseChatServer streaming(String... streamed) {
    this.status = 200;
    this.contentType = "text/event-stream";
    this.pieces = List.of(streamed);
    return this;
  }

  /** After its pieces the stream stays open, sending only keep-alive comments, until hung up. */
  public SseChatServer thenHolding() {
    this.holdAfterPieces = true;
    return this;
  }

  /** Answers {@code status} with {@code body} in one piece. */
  public SseChatServer answering(int answerStatus, String answerContentType, String body) {
    this.status = answerStatus;
    this.contentType = answerContentType;
    this.pieces = List.of(body);
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until the pieces are sent and the stream is held open. */
  public boolean awaitHolding() throws InterruptedException {
    return holding.await(10, TimeUnit.SECONDS);
  }

  /** Waits until the client closed a held stream. */
  public boolean awaitHangUp() throws InterruptedException {
    return hungUp.await(10, TimeUnit.SECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, 0);
      OutputStream out = exchange.getResponseBody();
      for (String piece : pieces) {
        out.write(piece.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      if (holdAfterPieces) {
        hold(out);
      }
      out.close();
    }
  }

  /** A write to a stream the client closed fails: that is how the hang-up is seen. */
  private void hold(OutputStream out) {
    holding.countDown();
    try {
      while (!release.await(20, TimeUnit.MILLISECONDS)) {
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      hungUp.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
