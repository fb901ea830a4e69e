package io.routebench.inference.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.routing.PromptProfile;

/**
 * Reads the route out of a router model's answer with exactly the tolerance production has: {@code
 * '} becomes {@code "}, literal {@code \n} escapes are removed, a leading {@code ```json} and a
 * trailing {@code ```} are stripped, then the text must be JSON.
 */
public final class RouterAnswerParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RouterAnswerParser() {}

  /**
   * @return the route name; {@code ""} when the answer names no route or cannot be parsed
   */
  public static String parse(String rawOutput, PromptProfile profile) {
    String cleaned = rawOutput.replace('\'', '"').replace("\\n", "");
    cleaned = cleaned.strip();
    if (cleaned.startsWith("```json")) {
      cleaned = cleaned.substring("```json".length());
    }
    if (cleaned.endsWith("```")) {
      cleaned = cleaned.substring(0, cleaned.length() - 3);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(cleaned.strip());
    } catch (JsonProcessingException e) {
      return "";
    }
    if (answer == null || !answer.isObject()) {
      return "";
    }
    JsonNode route = answer.get("route");
    if (route == null || route.isNull()) {
      return "";
    }
    if (route.isTextual()) {
      return route.asText();
    }
    if (profile == PromptProfile.PLANO_V1 && route.isArray()) {
      JsonNode first = route.path(0);
      return first.isTextual() ? first.asText() : "";
    }
    return "";
  }
}
