package io.routebench.inference.prompt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an OpenAI-style {@code messages} array ({@code [{"role": ..., "content": ...}]}), the shape
 * clients send to the proxy, either bare or as the {@code messages} of a request body.
 *
 * <p>{@code content} may be a string, {@code null} (an assistant tool call: read as empty, which
 * the router prompt then drops) or an array of content parts, whose text parts are joined with
 * {@code \n} as the proxies' text extraction does; other parts (images, audio) are not routed on.
 */
public final class OpenAiMessages {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final String ROLES = "user, assistant, system, tool or developer";

  private OpenAiMessages() {}

  /** The largest conversation file read: far beyond any conversation a router is shown. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /**
   * @throws IllegalArgumentException naming the file and the offending element, or saying it is
   *     larger than {@link #MAX_FILE_BYTES} or not UTF-8
   * @throws IOException when it cannot be read, or is not a regular file ({@link
   *     io.routebench.core.files.NotARegularFileException}: a pipe would block, a device never end)
   */
  public static List<Message> read(Path file) throws IOException {
    byte[] bytes = RegularFiles.readUpTo(file, MAX_FILE_BYTES);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(
          file
              + ": larger than 16 MiB; RouteBench reads conversations of up to "
              + MAX_FILE_BYTES
              + " bytes");
    }
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text; save it as UTF-8", e);
    }
    return parse(json, file.toString());
  }

  /**
   * @param sourceName how errors name the input, e.g. {@code messages.json}
   * @throws IllegalArgumentException naming the source and the offending element, e.g. {@code
   *     messages.json: [3].role: unknown role "bot" (expected ...)}
   */
  public static List<Message> parse(String json, String sourceName) {
    JsonNode root = readTree(json, sourceName);
    if (root.isObject() && root.has("messages")) {
      root = root.get("messages");
    }
    if (!root.isArray()) {
      throw new IllegalArgumentException(
          sourceName + ": expected a JSON array of {\"role\", \"content\"} messages");
    }
    var messages = new ArrayList<Message>(root.size());
    for (int i = 0; i < root.size(); i++) {
      messages.add(message(root.get(i), sourceName + ": [" + i + "]"));
    }
    return List.copyOf(messages);
  }

  private static JsonNode readTree(String json, String sourceName) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || root.isMissingNode()) {
        throw new IllegalArgumentException(sourceName + ": empty, expected a JSON array");
      }
      return root;
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String where =
          location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
      throw new IllegalArgumentException(
          sourceName + where + ": invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Message message(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object with role and content");
    }
    return new Message(role(node.get("role"), where + ".role"), content(node, where));
  }

  private static Role role(JsonNode role, String where) {
    if (role == null) {
      throw new IllegalArgumentException(where + ": missing");
    }
    if (!role.isTextual()) {
      throw new IllegalArgumentException(where + ": expected a string, found " + role);
    }
    for (Role candidate : Role.values()) {
      if (candidate.wireName().equals(role.asText())) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        where + ": unknown role " + role + " (expected " + ROLES + ")");
  }

  private static String content(JsonNode message, String where) {
    JsonNode content = message.get("content");
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      return textParts(content, where + ".content");
    }
    throw new IllegalArgumentException(
        where + ".content: expected a string, null or an array of content parts");
  }

  private static String textParts(JsonNode parts, String where) {
    var texts = new ArrayList<String>();
    for (int i = 0; i < parts.size(); i++) {
      JsonNode part = parts.get(i);
      String partWhere = where + "[" + i + "]";
      if (!part.isObject()) {
        throw new IllegalArgumentException(partWhere + ": expected a content part object");
      }
      if (!"text".equals(part.path("type").asText())) {
        continue;
      }
      JsonNode text = part.get("text");
      if (text == null || !text.isTextual()) {
        throw new IllegalArgumentException(partWhere + ".text: expected a string");
      }
      texts.add(text.asText());
    }
    return String.join("\n", texts);
  }
}
