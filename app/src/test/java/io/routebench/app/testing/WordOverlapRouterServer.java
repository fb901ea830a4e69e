package io.routebench.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.routebench.core.doctor.WordOverlapRouter;
import io.routebench.core.routing.RouteOption;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A router served on 127.0.0.1 whose answers depend on the descriptions' words: an
 * OpenAI-compatible {@code /v1/chat/completions} (the shape the endpoint client speaks) that reads
 * the archgw-v1 router prompt it is sent — the routes between {@code <routes>} tags, the
 * conversation between {@code <conversation>} tags — and answers {@code {"route": …}} as {@link
 * WordOverlapRouter} decides. Random or bigram fixtures cannot show a description mattering; this
 * can.
 */
public final class WordOverlapRouterServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final AtomicInteger completions = new AtomicInteger();

  public WordOverlapRouterServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/v1/models",
        exchange ->
            answer(
                exchange,
                "{\"object\":\"list\",\"data\":[{\"id\":\"arch-router\",\"object\":\"model\"}]}"));
    server.createContext("/v1/chat/completions", this::completion);
    server.start();
  }

  /** The base URL, as a user types it. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Chat completions answered so far: the router decisions made. */
  public int completions() {
    return completions.get();
  }

  private void completion(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    String prompt = request.at("/messages/0/content").asText();
    var routes = new ArrayList<RouteOption>();
    for (JsonNode route : JSON.readTree(between(prompt, "<routes>", "</routes>"))) {
      routes.add(new RouteOption(route.get("name").asText(), route.get("description").asText()));
    }
    String latestUser = "";
    for (JsonNode message : JSON.readTree(between(prompt, "<conversation>", "</conversation>"))) {
      if (message.get("role").asText().equals("user")) {
        latestUser = message.get("content").asText();
      }
    }
    String route = WordOverlapRouter.route(routes, latestUser);
    completions.incrementAndGet();
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-" + completions.get());
    body.put("object", "chat.completion");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    choice
        .putObject("message")
        .put("role", "assistant")
        .put("content", "{\"route\": \"" + route + "\"}");
    choice.put("finish_reason", "stop");
    answer(exchange, JSON.writeValueAsString(body));
  }

  private static String between(String text, String open, String close) {
    // The instructions name the tags too ("within <routes></routes> XML tags"): the block is
    // where the tag opens a line of its own.
    int start = text.indexOf(open + "\n");
    int end = text.indexOf("\n" + close, start);
    if (start < 0 || end < 0) {
      throw new IllegalArgumentException("not an archgw-v1 router prompt: no " + open);
    }
    return text.substring(start + open.length(), end).strip();
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
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
