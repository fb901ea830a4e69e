package io.routebench.inference.prompt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.routebench.core.routing.PromptProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads the route out of a router model's answer with exactly the tolerance the proxy of the
 * profile has, so that sloppy output is judged the way production will judge it.
 *
 * <ul>
 *   <li>archgw-v1: {@code '} becomes {@code "}, literal {@code \n} escapes are removed, a leading
 *       {@code ```json} and a trailing {@code ```} are stripped, then the text must be one JSON
 *       object whose {@code route} is a string (or absent / null: no route).
 *   <li>plano-v1: the same quote and {@code \n} fixes but no fence stripping, then {@code route}
 *       must be a list of strings (or absent / null). Empty names are skipped and, when the known
 *       route names are given, so are names no route has, as plano does before it takes the first.
 *       A plain string where the list belongs is an error for plano, hence no route.
 * </ul>
 *
 * <p>Anything the proxy's JSON parser would reject (trailing text, duplicate keys, wrong types)
 * gives {@code ""}: the proxy then routes to the default target.
 */
public final class RouterAnswerParser {

  // serde_json is strict where Jackson is lenient by default.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final String FENCE_OPEN = "```json";
  private static final String FENCE_CLOSE = "```";

  private RouterAnswerParser() {}

  /**
   * @return the route name; {@code ""} when the answer names no route or cannot be parsed
   */
  public static String parse(String rawOutput, PromptProfile profile) {
    return parse(rawOutput, profile, null);
  }

  /**
   * Like {@link #parse(String, PromptProfile)}, but for plano-v1 skips list entries that name no
   * known route, as plano does: {@code ["bogus", "code"]} routes to {@code code}. When no entry is
   * known the first non-empty one is returned, so callers can still tell an unknown answer apart.
   *
   * @param knownRouteNames the routes offered to the router, or {@code null} when unknown
   */
  public static String parse(
      String rawOutput, PromptProfile profile, Collection<String> knownRouteNames) {
    if (rawOutput.isEmpty()) {
      return "";
    }
    String fixed = rawOutput.replace("'", "\"").replace("\\n", "");
    Optional<String> route =
        switch (profile) {
          case ARCHGW_V1 -> readObject(withoutFences(fixed)).map(RouterAnswerParser::archgwRoute);
          case PLANO_V1 -> readObject(fixed).map(answer -> planoRoute(answer, knownRouteNames));
        };
    return route.orElse("");
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

  private static Optional<JsonNode> readObject(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String archgwRoute(JsonNode answer) {
    JsonNode route = answer.path("route");
    return route.isTextual() ? route.asText() : "";
  }

  private static String planoRoute(JsonNode answer, Collection<String> knownRouteNames) {
    JsonNode route = answer.path("route");
    if (!route.isArray()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (JsonNode entry : route) {
      if (!entry.isTextual()) {
        return ""; // a list of strings is what plano deserializes; anything else fails whole
      }
      if (!entry.asText().isEmpty()) {
        names.add(entry.asText());
      }
    }
    if (knownRouteNames != null) {
      for (String name : names) {
        if (knownRouteNames.contains(name)) {
          return name;
        }
      }
    }
    return names.isEmpty() ? "" : names.get(0);
  }
}
