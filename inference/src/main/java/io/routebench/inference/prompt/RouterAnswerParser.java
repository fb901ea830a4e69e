package io.routebench.inference.prompt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.PromptProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads a router model's answer exactly as the proxy of the profile does, so that sloppy output is
 * judged the way production will judge it. Mirrors archgw's {@code RouterModelV1::parse_response}
 * (archgw ≤ 0.4.0, {@code crates/brightstaff/src/router/router_model_v1.rs}) and plano's {@code
 * OrchestratorModelV1::parse_response} ({@code orchestrator_model_v1.rs}, plano 0.4.x).
 *
 * <ul>
 *   <li>An empty answer names no route (both proxies check this before anything else).
 *   <li>Both replace {@code '} by {@code "} and remove literal {@code \n} escapes; archgw then
 *       strips one leading {@code ```json} and one trailing {@code ```}, plano strips nothing.
 *   <li>Then serde_json deserializes {@code {route: Option<String>}} (archgw) or {@code {route:
 *       Option<Vec<String>>}} (plano): strict JSON, whitespace around it allowed, trailing text an
 *       error; unknown keys ignored; {@code route} absent or {@code null} means no route; a second
 *       {@code route} key, a wrong type or a {@code null} list entry are errors. Like any serde
 *       struct it may also come as a one-element array ({@code ["name"]}).
 *   <li>archgw takes the string; plano skips empty names and names no route has and takes the first
 *       one left.
 * </ul>
 *
 * <p>Whatever does not deserialize makes the proxy fail the user's request with HTTP 500 ("Failed
 * to determine route"): the reading then carries the reason instead of a route.
 */
public final class RouterAnswerParser {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** serde_json's recursion limit: the 128th nested array or object is an error. */
  private static final int MAX_DEPTH = 127;

  private static final String FENCE_OPEN = "```json";
  private static final String FENCE_CLOSE = "```";

  private RouterAnswerParser() {}

  /**
   * @param knownRouteNames the routes offered to the router; plano skips names not among them and
   *     takes the first one left. When none is known the first non-empty name is returned, so the
   *     caller can still show it as an unknown answer (plano sends that request to its default).
   */
  public static AnswerReading read(
      String rawOutput, PromptProfile profile, Collection<String> knownRouteNames) {
    if (rawOutput.isEmpty()) {
      return AnswerReading.route("");
    }
    String fixed = rawOutput.replace("'", "\"").replace("\\n", "");
    try {
      return switch (profile) {
        case ARCHGW_V1 -> AnswerReading.route(archgwRoute(withoutFences(fixed)));
        case PLANO_V1 -> planoReading(fixed, knownRouteNames);
      };
    } catch (Unreadable e) {
      return AnswerReading.proxyError(e.getMessage());
    }
  }

  private static String withoutFences(String text) {
    String unfenced = text;
    if (unfenced.startsWith(FENCE_OPEN)) {
      unfenced = unfenced.substring(FENCE_OPEN.length());
    }
    if (unfenced.endsWith(FENCE_CLOSE)) {
      unfenced = unfenced.substring(0, unfenced.length() - FENCE_CLOSE.length());
    }
    return unfenced;
  }

  private static String archgwRoute(String text) throws Unreadable {
    return readRouteField(text, false).map(names -> names.get(0)).orElse("");
  }

  /** The whole list, kept for scoring, and the name plano takes from it. */
  private static AnswerReading planoReading(String text, Collection<String> knownRouteNames)
      throws Unreadable {
    List<String> names = new ArrayList<>();
    for (String name : readRouteField(text, true).orElse(List.of())) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    for (String name : names) {
      if (knownRouteNames.contains(name)) {
        return AnswerReading.listed(names, name);
      }
    }
    return AnswerReading.listed(names, names.isEmpty() ? "" : names.get(0));
  }

  /**
   * The {@code route} field of the one JSON value in {@code text}: empty when absent or null; one
   * string for archgw, the list's strings for plano.
   */
  private static Optional<List<String>> readRouteField(String text, boolean list)
      throws Unreadable {
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new Unreadable("the answer is empty once the proxy has cleaned it up");
      }
      Optional<List<String>> route =
          switch (first) {
            case START_OBJECT -> routeOfObject(parser, list);
            case START_ARRAY -> routeOfArray(parser, list);
            default -> throw new Unreadable("the answer is " + describe(first) + ", not an object");
          };
      requireEnd(parser);
      return route;
    } catch (JsonProcessingException e) {
      throw new Unreadable("the answer is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Unreadable("the answer is not valid JSON: " + e.getMessage());
    }
  }

  private static void requireEnd(JsonParser parser) throws Unreadable {
    try {
      if (parser.nextToken() == null) {
        return;
      }
    } catch (IOException e) {
      // Not even a JSON token: still text after the answer.
    }
    throw new Unreadable("text follows the JSON answer");
  }

  private static Optional<List<String>> routeOfObject(JsonParser parser, boolean list)
      throws IOException, Unreadable {
    Optional<List<String>> route = Optional.empty();
    boolean seen = false;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_OBJECT;
        token = parser.nextToken()) {
      String key = parser.currentName();
      parser.nextToken();
      if (key.equals("route")) {
        if (seen) {
          throw new Unreadable("the answer has two \"route\" keys");
        }
        seen = true;
        route = routeValue(parser, list);
      } else {
        skipValue(parser, 1);
      }
    }
    return route;
  }

  /** serde reads a struct from a sequence too: its one element is the {@code route} field. */
  private static Optional<List<String>> routeOfArray(JsonParser parser, boolean list)
      throws IOException, Unreadable {
    if (parser.nextToken() == JsonToken.END_ARRAY) {
      throw new Unreadable("the answer is an empty list, not an object");
    }
    Optional<List<String>> route = routeValue(parser, list);
    if (parser.nextToken() != JsonToken.END_ARRAY) {
      throw new Unreadable("the answer is a list of more than one value, not an object");
    }
    return route;
  }

  private static Optional<List<String>> routeValue(JsonParser parser, boolean list)
      throws IOException, Unreadable {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    if (!list) {
      if (token != JsonToken.VALUE_STRING) {
        throw new Unreadable("\"route\" is " + describe(token) + " where archgw expects a string");
      }
      return Optional.of(List.of(string(parser)));
    }
    if (token != JsonToken.START_ARRAY) {
      throw new Unreadable("\"route\" is " + describe(token) + " where plano expects a list");
    }
    var names = new ArrayList<String>();
    for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_STRING) {
        throw new Unreadable(
            "the \"route\" list holds " + describe(token) + " where plano expects strings");
      }
      names.add(string(parser));
    }
    return Optional.of(names);
  }

  /** serde_json refuses a string with an unpaired surrogate escape; Java would keep it. */
  private static String string(JsonParser parser) throws IOException, Unreadable {
    String value = parser.getText();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new Unreadable("a route name holds an unpaired surrogate escape");
      }
    }
    return value;
  }

  /** Skips the value at the current token, enforcing serde_json's nesting limit. */
  private static void skipValue(JsonParser parser, int depth) throws IOException, Unreadable {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return;
    }
    if (depth + 1 > MAX_DEPTH) {
      throw new Unreadable("the answer nests deeper than the proxy's JSON reader allows");
    }
    for (token = parser.nextToken();
        token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == JsonToken.FIELD_NAME) {
        parser.nextToken();
      }
      skipValue(parser, depth + 1);
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** Why the proxy's JSON reader rejects an answer. */
  private static final class Unreadable extends Exception {
    Unreadable(String why) {
      super(why, null, false, false);
    }
  }
}
