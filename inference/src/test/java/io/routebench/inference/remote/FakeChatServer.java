package io.routebench.inference.remote;

import com.sun.net.httpserver.Headers;
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
 * A real HTTP server on 127.0.0.1 (random port) standing in for Ollama / llama-server: records what
 * it receives and answers with a canned status and body, or holds the answer back until released
 * (for timeouts and cancellation).
 */
final class FakeChatServer implements AutoCloseable {

  /** One request as it arrived. */
  record Received(String method, String path, Headers headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CopyOnWriteArrayList<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstRequestArrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int status = 200;
  private volatile String body = "";
  private volatile boolean holdAnswers;

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
    this.status = status;
    this.body = body;
    return this;
  }

  /** Answers with a chat completion whose message content is {@code content}. */
  FakeChatServer answeringContent(String contentJsonString, String usageJson) {
    return answering(
        200,
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":"
            + contentJsonString
            + "},\"finish_reason\":\"stop\"}]"
            + (usageJson == null ? "" : ",\"usage\":" + usageJson)
            + "}");
  }

  /** Requests are received but not answered until {@link #close()}. */
  FakeChatServer holdingAnswers() {
    this.holdAnswers = true;
    return this;
  }

  boolean awaitFirstRequest() throws InterruptedException {
    return firstRequestArrived.await(10, TimeUnit.SECONDS);
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
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              requestBody));
      firstRequestArrived.countDown();
      if (holdAnswers) {
        release.await();
      }
      byte[] answer = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
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
