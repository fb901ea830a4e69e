package io.routebench.inference.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of plano's routing API (plano {@code docs/routing-api.md}, {@code
 * crates/brightstaff/src/handlers/routing_service.rs}): the OpenAI chat body with the workspace's
 * routes as {@code routing_preferences}, the decision {@code {"models": [...], "route": name |
 * null, "trace_id": ...}}, and plano's error body {@code {"error": {"code", "message", "details":
 * {"reason"}}}}.
 */
final class PlanoRoutingJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanoRoutingJson() {}

  /**
   * The request: {@code model} (where an unrouted request goes), the conversation as the client
   * sends it, and every route in the v0.4.0 form, which overrides plano's config for this request
   * only. plano drops {@code routing_preferences} that do not deserialize and silently uses its
   * config instead, so every field is written in the one shape it accepts (strings, never null).
   */
  static String requestBody(RouteRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", request.defaultModel());
    ArrayNode messages = body.putArray("messages");
    for (Message message : request.conversation()) {
      ObjectNode entry = messages.addObject();
      entry.put("role", message.role().wireName());
      entry.put("content", message.content());
    }
    ArrayNode preferences = body.putArray("routing_preferences");
    for (RouteOption route : request.routes()) {
      ObjectNode preference = preferences.addObject();
      preference.put("name", route.name());
      preference.put("description", route.description() == null ? "" : route.description());
      ArrayNode models = preference.putArray("models");
      route.models().forEach(models::add);
      preference.putObject("selection_policy").put("prefer", route.preference().wireName());
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a tree of strings as JSON", e);
    }
  }

  /**
   * plano's decision.
   *
   * @param route the route plano took, {@code ""} for none ({@code null} on the wire)
   * @param models ranked: the first is where the request goes; {@code ["none"]} without a route
   */
  record Decision(String route, List<String> models, String traceId) {}

  /** The body is not a routing decision: says what it is instead. */
  static final class NotADecisionException extends Exception {
    NotADecisionException(String what) {
      super(what, null, false, false);
    }
  }

  static Decision readDecision(String body) throws NotADecisionException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new NotADecisionException("something else than JSON");
    }
    if (root == null || !root.isObject()) {
      throw new NotADecisionException("something else than a JSON object");
    }
    JsonNode models = root.get("models");
    if (models == null || !models.isArray()) {
      throw new NotADecisionException(
          root.has("choices")
              ? "a chat completion (is this a model server rather than plano's listener?)"
              : "an object without a \"models\" list");
    }
    var names = new ArrayList<String>();
    for (JsonNode model : models) {
      if (!model.isTextual()) {
        throw new NotADecisionException("a \"models\" list holding " + model.getNodeType());
      }
      names.add(model.asText());
    }
    JsonNode route = root.get("route");
    if (route != null && !route.isNull() && !route.isTextual()) {
      throw new NotADecisionException("a \"route\" that is " + route.getNodeType());
    }
    String routeName = route == null || route.isNull() ? "" : route.asText();
    return new Decision(routeName, names, root.path("trace_id").asText(""));
  }

  /**
   * What plano's error body says, e.g. {@code InternalServerError: Failed to determine route: ...}:
   * the code, then the reason when plano gives one, else its message. Empty when the body is not
   * plano's error shape (a server in front of plano, or no plano at all).
   */
  static Optional<String> readError(String body) {
    JsonNode error;
    try {
      JsonNode root = JSON.readTree(body);
      error = root == null ? null : root.get("error");
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (error == null || !error.isObject() || !error.path("code").isTextual()) {
      return Optional.empty();
    }
    String reason = error.path("details").path("reason").asText("");
    String said = reason.isBlank() ? error.path("message").asText("") : reason;
    return Optional.of(error.get("code").asText() + (said.isBlank() ? "" : ": " + said));
  }

  /** The ids of {@code GET /v1/models} ({@code {"object": "list", "data": [{"id": ...}]}}). */
  static Optional<List<String>> readModelIds(String body) {
    try {
      JsonNode data = JSON.readTree(body).path("data");
      if (!data.isArray()) {
        return Optional.empty();
      }
      var ids = new ArrayList<String>();
      data.forEach(model -> ids.add(model.path("id").asText("")));
      return Optional.of(ids.stream().filter(id -> !id.isBlank()).toList());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
