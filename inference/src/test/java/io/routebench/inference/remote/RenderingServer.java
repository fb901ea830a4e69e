package io.routebench.inference.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.routebench.core.routing.ServingEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A server on 127.0.0.1 answering the render endpoints of one serving engine in that engine's
 * documented shapes, from its source:
 *
 * <ul>
 *   <li>Ollama {@code POST /api/chat} with {@code _debug_render_only}: {@code api.ChatResponse}
 *       with {@code _debug_info: {rendered_template, image_count}} ({@code api/types.go}, {@code
 *       server/routes.go}); an unknown model is a 404 {@code {"error": "model 'x' not found"}};
 *   <li>llama-server {@code POST /apply-template} → {@code {"prompt"}}, {@code POST /tokenize} →
 *       {@code {"tokens": [ids]}} ({@code tools/server/README.md});
 *   <li>vLLM {@code POST /tokenize} (a {@code TokenizeChatRequest}) → {@code TokenizeResponse
 *       {count, max_model_len, tokens, token_strs}}, {@code POST /detokenize} → {@code {"prompt"}}
 *       ({@code vllm/entrypoints/serve/tokenize/protocol.py}); an unknown model is a 404 {@code
 *       ErrorResponse}.
 * </ul>
 *
 * The chat template is a function of the user message; the tokenizer makes one token per code point
 * unless told otherwise.
 */
public final class RenderingServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ServingEngine engine;
  private final String model;
  private final Function<String, String> template;
  private final Function<String, List<Integer>> tokenizer;
  public final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  public RenderingServer(ServingEngine engine, String model, Function<String, String> template)
      throws IOException {
    this(engine, model, template, RenderingServer::codePoints);
  }

  public RenderingServer(
      ServingEngine engine,
      String model,
      Function<String, String> template,
      Function<String, List<Integer>> tokenizer)
      throws IOException {
    this.engine = engine;
    this.model = model;
    this.template = template;
    this.tokenizer = tokenizer;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** e.g. {@code http://127.0.0.1:41234/v1}, as users paste OpenAI base URLs. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public static List<Integer> codePoints(String text) {
    return text.codePoints().boxed().toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      requests.add(body);
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "{\"error\":\"method not allowed\"}");
        return;
      }
      switch (engine) {
        case OLLAMA -> ollama(exchange, path, body);
        case LLAMA_SERVER, LLAMA_SERVER_NO_JINJA -> llamaServer(exchange, path, body);
        case VLLM -> vllm(exchange, path, body);
      }
    }
  }

  private void ollama(HttpExchange exchange, String path, JsonNode body) throws IOException {
    if (!path.equals("/api/chat")) {
      answer(exchange, 404, "404 page not found");
      return;
    }
    if (!body.path("model").asText().equals(model)) {
      answer(
          exchange, 404, "{\"error\":\"model '" + body.path("model").asText() + "' not found\"}");
      return;
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("model", model);
    response.put("created_at", "2026-08-21T10:00:00.000000000Z");
    ObjectNode message = response.putObject("message");
    message.put("role", "");
    message.put("content", "");
    response.put("done", false);
    ObjectNode debug = response.putObject("_debug_info");
    debug.put("rendered_template", template.apply(userMessage(body)));
    debug.put("image_count", 0);
    answer(exchange, 200, response.toString());
  }

  private void llamaServer(HttpExchange exchange, String path, JsonNode body) throws IOException {
    switch (path) {
      case "/apply-template" -> {
        ObjectNode response = JSON.createObjectNode();
        response.put("prompt", template.apply(userMessage(body)));
        answer(exchange, 200, response.toString());
      }
      case "/tokenize" -> {
        ObjectNode response = JSON.createObjectNode();
        response.set("tokens", JSON.valueToTree(tokenizer.apply(body.path("content").asText())));
        answer(exchange, 200, response.toString());
      }
      default ->
          answer(
              exchange,
              404,
              "{\"error\":{\"code\":404,\"message\":\"File Not Found\",\"type\":\"not_found_error\"}}");
    }
  }

  private void vllm(HttpExchange exchange, String path, JsonNode body) throws IOException {
    if (!body.path("model").asText().equals(model)) {
      answer(
          exchange,
          404,
          "{\"error\":{\"message\":\"The model `"
              + body.path("model").asText()
              + "` does not exist.\",\"type\":\"NotFoundError\",\"param\":\"model\",\"code\":404}}");
      return;
    }
    switch (path) {
      case "/tokenize" -> {
        List<Integer> tokens = tokenizer.apply(template.apply(userMessage(body)));
        ObjectNode response = JSON.createObjectNode();
        response.put("count", tokens.size());
        response.put("max_model_len", 32768);
        response.set("tokens", JSON.valueToTree(tokens));
        response.putNull("token_strs");
        answer(exchange, 200, response.toString());
      }
      case "/detokenize" -> {
        var text = new StringBuilder();
        for (JsonNode id : body.path("tokens")) {
          text.appendCodePoint(id.asInt());
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("prompt", text.toString());
        answer(exchange, 200, response.toString());
      }
      default -> answer(exchange, 404, "{\"detail\":\"Not Found\"}");
    }
  }

  private static String userMessage(JsonNode body) {
    var users = new ArrayList<String>();
    body.path("messages").forEach(m -> users.add(m.path("content").asText()));
    return users.get(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
