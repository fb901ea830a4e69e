package io.routebench.inference.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a plano listener on 127.0.0.1, built from plano's own source (0.4.36): {@code
 * docs/routing-api.md}, {@code crates/brightstaff/src/handlers/routing_service.rs} (the handler),
 * {@code router/orchestrator.rs} ({@code determine_route}), {@code common/src/errors.rs} (the error
 * body) and {@code handlers/models.rs} ({@code GET /v1/models}). What it does as plano does:
 *
 * <ul>
 *   <li>{@code POST /routing/v1/chat/completions}: a body that is not JSON is answered 400 {@code
 *       InvalidRequest} ("Failed to parse JSON"); {@code routing_preferences} is taken out and read
 *       as {@code [{name, description, models, selection_policy?}]}, and when it does not read so,
 *       ignored (plano logs a warning and uses its config); a body without a {@code model} string
 *       or a {@code messages} list is answered 400 {@code InvalidRequest} ("Failed to parse
 *       request").
 *   <li>No messages, or no preferences at all: no route. Otherwise the orchestrator (the router
 *       model; here the test's {@link Orchestrator}) names routes; plano takes the first, and when
 *       it is one of the effective preferences answers {@code {"models": <its models>, "route":
 *       name, ...}}, else {@code {"models": ["none"], "route": null, ...}}.
 *   <li>An orchestrator failure (the model's answer does not parse, its server is down) is answered
 *       500 {@code InternalServerError} with the reason "Failed to determine route: ...".
 *   <li>{@code GET /v1/models} lists the declared providers as an OpenAI model list.
 * </ul>
 *
 * Only the router model is the test's: which routes it names for a conversation.
 */
public final class PlanoStandIn implements AutoCloseable {

  /** The router model plano asks: route names for a conversation, or a failure. */
  @FunctionalInterface
  public interface Orchestrator {
    /**
     * @param conversation the request's messages as sent
     * @param routeNames the effective preferences' names
     * @throws OrchestratorFailure when plano could not determine a route
     */
    List<String> routes(List<Map<String, String>> conversation, List<String> routeNames);
  }

  /** The orchestrator's failure, as plano words it after "Failed to determine route: ". */
  public static final class OrchestratorFailure extends RuntimeException {
    public OrchestratorFailure(String message) {
      super(message);
    }
  }

  /** One routing request as it arrived. */
  public record Received(String path, Map<String, String> headers, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> declaredModels;
  private final Map<String, List<String>> configPreferences;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Orchestrator orchestrator = (conversation, names) -> List.of();
  private int inFlight;
  private int maxInFlight;

  /**
   * @param declaredModels plano's {@code model_providers}
   * @param configPreferences the config's {@code routing_preferences}: name to models
   */
  public PlanoStandIn(List<String> declaredModels, Map<String, List<String>> configPreferences)
      throws IOException {
    this.declaredModels = List.copyOf(declaredModels);
    this.configPreferences = new LinkedHashMap<>(configPreferences);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** e.g. {@code http://127.0.0.1:41234}: the listener, as a user types it. */
  public String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public PlanoStandIn routingWith(Orchestrator orchestrator) {
    this.orchestrator = orchestrator;
    return this;
  }

  /** Routes by the last user message: the first of {@code keywords} it contains names the route. */
  public PlanoStandIn routingByKeyword(Map<String, String> keywordToRoute) {
    return routingWith(
        (conversation, names) -> {
          String last = "";
          for (Map<String, String> message : conversation) {
            if ("user".equals(message.get("role"))) {
              last = message.get("content");
            }
          }
          for (var entry : keywordToRoute.entrySet()) {
            if (last.contains(entry.getKey())) {
              return List.of(entry.getValue());
            }
          }
          return List.of();
        });
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The routing requests (not the model list) as they arrived. */
  public List<Received> routingRequests() {
    return received.stream().filter(r -> r.path().startsWith("/routing/")).toList();
  }

  /** The most routing requests plano was working on at once. */
  public synchronized int maxInFlight() {
    return maxInFlight;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      var headers = new LinkedHashMap<String, String>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/models")) {
        received.add(new Received(path, headers, null));
        send(exchange, 200, modelList());
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")
          || !path.equals("/routing/v1/chat/completions")) {
        // Not a route brightstaff serves: plano answers an empty 404.
        send(exchange, 404, "");
        return;
      }
      started();
      try {
        Reply reply = decide(raw, headers, path);
        send(exchange, reply.status(), reply.body());
      } finally {
        finished();
      }
    }
  }

  private record Reply(int status, String body) {}

  private Reply decide(byte[] raw, Map<String, String> headers, String path) {
    JsonNode body;
    try {
      body = JSON.readTree(raw);
    } catch (IOException e) {
      received.add(new Received(path, headers, null));
      return error(
          400,
          "InvalidRequest",
          "Invalid request",
          "Failed to parse request JSON: " + e.getMessage());
    }
    received.add(new Received(path, headers, body));
    if (body == null || !body.isObject()) {
      return error(
          400, "InvalidRequest", "Invalid request", "Failed to parse request JSON: not an object");
    }
    Map<String, List<String>> inline = readPreferences(body.get("routing_preferences"));
    if (!body.path("model").isTextual() || !body.path("messages").isArray()) {
      return error(
          400,
          "InvalidRequest",
          "Invalid request",
          "Failed to parse request: missing field `model` or `messages`");
    }
    var conversation = new ArrayList<Map<String, String>>();
    for (JsonNode message : body.get("messages")) {
      conversation.add(
          Map.of(
              "role", message.path("role").asText(), "content", message.path("content").asText()));
    }
    Map<String, List<String>> effective = inline != null ? inline : configPreferences;
    if (conversation.isEmpty() || effective.isEmpty()) {
      return decision(List.of("none"), null);
    }
    List<String> named;
    try {
      named = orchestrator.routes(conversation, List.copyOf(effective.keySet()));
    } catch (OrchestratorFailure failure) {
      return error(
          500,
          "InternalServerError",
          "Internal server error",
          "Failed to determine route: " + failure.getMessage());
    }
    if (named.isEmpty() || !effective.containsKey(named.get(0))) {
      return decision(List.of("none"), null);
    }
    return decision(effective.get(named.get(0)), named.get(0));
  }

  /** serde: the whole list reads, or plano ignores it ({@code None}). */
  private static Map<String, List<String>> readPreferences(JsonNode node) {
    if (node == null || !node.isArray()) {
      return null;
    }
    var preferences = new LinkedHashMap<String, List<String>>();
    for (JsonNode preference : node) {
      if (!preference.path("name").isTextual()
          || !preference.path("description").isTextual()
          || !preference.path("models").isArray()) {
        return null;
      }
      var models = new ArrayList<String>();
      for (JsonNode model : preference.get("models")) {
        if (!model.isTextual()) {
          return null;
        }
        models.add(model.asText());
      }
      String prefer = preference.path("selection_policy").path("prefer").asText("none");
      if (!List.of("", "none", "cheapest", "fastest").contains(prefer)) {
        return null;
      }
      preferences.put(preference.get("name").asText(), models);
    }
    return preferences;
  }

  private static Reply decision(List<String> models, String route) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("models");
    models.forEach(list::add);
    if (route == null) {
      body.putNull("route");
    } else {
      body.put("route", route);
    }
    body.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    body.put("pinned", false);
    body.put("switched", false);
    return new Reply(200, body.toString());
  }

  private static Reply error(int status, String code, String message, String reason) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    error.putObject("details").put("reason", reason);
    return new Reply(status, body.toString());
  }

  private String modelList() {
    ObjectNode body = JSON.createObjectNode();
    body.put("object", "list");
    ArrayNode data = body.putArray("data");
    for (String model : declaredModels) {
      ObjectNode entry = data.addObject();
      entry.put("id", model);
      entry.put("object", "model");
      entry.put("created", 0);
      entry.put("owned_by", model.contains("/") ? model.substring(0, model.indexOf('/')) : "");
    }
    return body.toString();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private synchronized void started() {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
  }

  private synchronized void finished() {
    inFlight--;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
