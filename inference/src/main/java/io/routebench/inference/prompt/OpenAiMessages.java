package io.routebench.inference.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an OpenAI-style {@code messages} array ({@code [{"role": ..., "content": ...}]}). */
public final class OpenAiMessages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenAiMessages() {}

  public static List<Message> read(Path file) throws IOException {
    return parse(Files.readString(file), file.getFileName().toString());
  }

  /**
   * @throws IllegalArgumentException naming the source and the offending element
   */
  public static List<Message> parse(String json, String sourceName) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw new IllegalArgumentException(
          sourceName
              + ":"
              + (location == null ? "" : location.getLineNr() + ":" + location.getColumnNr() + ":")
              + " invalid JSON: "
              + e.getOriginalMessage());
    }
    if (root != null && root.isObject() && root.has("messages")) {
      root = root.get("messages");
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          sourceName + ": expected a JSON array of {\"role\", \"content\"} messages");
    }
    var messages = new ArrayList<Message>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode node = root.get(i);
      String where = sourceName + ": [" + i + "]";
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + ": expected an object with role and content");
      }
      JsonNode role = node.get("role");
      if (role == null || !role.isTextual()) {
        throw new IllegalArgumentException(where + ".role: missing or not a string");
      }
      Role parsedRole;
      try {
        parsedRole = Role.fromWireName(role.asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ".role: " + e.getMessage());
      }
      messages.add(new Message(parsedRole, content(node.get("content"), where)));
    }
    return List.copyOf(messages);
  }

  private static String content(JsonNode content, String where) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      // OpenAI content parts: the proxies route on the text parts.
      var text = new StringBuilder();
      for (JsonNode part : content) {
        if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
          text.append(part.get("text").asText());
        }
      }
      return text.toString();
    }
    throw new IllegalArgumentException(where + ".content: expected a string or content parts");
  }
}
