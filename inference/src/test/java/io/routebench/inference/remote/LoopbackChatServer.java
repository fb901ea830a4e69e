package io.routebench.inference.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that imitates a batching engine for the
 * remote benchmark: each request takes a fixed latency, at most {@code capacity} are worked on at
 * once (further ones queue, as in vLLM's scheduler or llama-server's slots), and every answer is
 * the same chat completion. With no latency it answers at once, to isolate RouteBench's own costs.
 * It lists one model at {@code /v1/models}, as the workbench's Connect… asks first.
 */
public final class LoopbackChatServer implements AutoCloseable {

  /** The model {@code /v1/models} lists; chat completions are answered whatever model they name. */
  public static final String MODEL = "arch-router";

  /** OpenAI's model list, as vLLM and Ollama serve it (extra fields of theirs left out). */
  private static final byte[] MODELS =
      ("{\"object\":\"list\",\"data\":[{\"id\":\""
              + MODEL
              + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"routebench\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] COMPLETION =
      ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
              + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"route\\\": \\\"code"
              + " generation\\\"}\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
              + "300,\"completion_tokens\":8,\"total_tokens\":308}}")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore slots;
  private final Duration latency;
  private final AtomicInteger working = new AtomicInteger();
  private final AtomicInteger mostWorking = new AtomicInteger();

  /**
   * @param capacity requests worked on at once
   * @param latency how long each takes; zero answers at once
   */
  public LoopbackChatServer(int capacity, Duration latency) throws IOException {
    this.slots = new Semaphore(capacity, true);
    this.latency = latency;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.createContext("/v1/models", LoopbackChatServer::listModels);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The most requests worked on at once since the last call; shows the capacity was reached. */
  public int takeMostWorking() {
    return mostWorking.getAndSet(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      slots.acquireUninterruptibly();
      try {
        mostWorking.accumulateAndGet(working.incrementAndGet(), Math::max);
        if (!latency.isZero()) {
          Thread.sleep(latency);
        }
        working.decrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        slots.release();
      }
      answer(exchange, COMPLETION);
    }
  }

  private static void listModels(HttpExchange exchange) throws IOException {
    try (exchange) {
      answer(exchange, MODELS);
    }
  }

  private static void answer(HttpExchange exchange, byte[] json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
