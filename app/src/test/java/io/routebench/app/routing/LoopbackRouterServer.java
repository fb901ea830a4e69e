package io.routebench.app.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OpenAI-compatible router server on 127.0.0.1, optionally also speaking Ollama's {@code
 * /api/tags}: it lists {@code models} and answers every chat completion with {@code route}.
 */
final class LoopbackRouterServer implements AutoCloseable {

  private final HttpServer server;
  private final List<String> models;
  private final String route;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  LoopbackRouterServer(List<String> models, String route, boolean ollama) throws IOException {
    this.models = models;
    this.route = route;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/v1/models", this::models);
    server.createContext("/v1/chat/completions", this::completion);
    if (ollama) {
      server.createContext("/api/tags", this::tags);
    }
    server.start();
  }

  /** The origin, e.g. {@code http://127.0.0.1:43210}, as a user types it. */
  String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** "METHOD /path" of each request, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void models(HttpExchange exchange) throws IOException {
    String data =
        models.stream()
            .map(id -> "{\"id\":\"" + id + "\",\"object\":\"model\",\"owned_by\":\"test\"}")
            .collect(Collectors.joining(","));
    answer(exchange, "{\"object\":\"list\",\"data\":[" + data + "]}");
  }

  private void tags(HttpExchange exchange) throws IOException {
    String data =
        models.stream()
            .map(name -> "{\"name\":\"" + name + "\",\"model\":\"" + name + "\"}")
            .collect(Collectors.joining(","));
    answer(exchange, "{\"models\":[" + data + "]}");
  }

  private void completion(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    answer(
        exchange,
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"route\\\": \\\""
            + route
            + "\\\"}\"},\"finish_reason\":\"stop\"}]}");
  }

  private void answer(HttpExchange exchange, String json) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
