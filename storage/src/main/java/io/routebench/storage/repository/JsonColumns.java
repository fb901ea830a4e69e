package io.routebench.storage.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import java.sql.SQLDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON held in text columns: a case's messages and an engine's settings. Readers and writers
 * are built once and shared (they are thread-safe), which matters when twenty thousand cases are
 * imported at once.
 */
final class JsonColumns {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<MessageJson>> MESSAGES = new TypeReference<>() {};
  private static final TypeReference<TreeMap<String, String>> SETTINGS = new TypeReference<>() {};
  private static final ObjectWriter MESSAGES_WRITER = MAPPER.writerFor(MESSAGES);
  private static final ObjectReader MESSAGES_READER = MAPPER.readerFor(MESSAGES);
  private static final ObjectWriter SETTINGS_WRITER = MAPPER.writerFor(SETTINGS);
  private static final ObjectReader SETTINGS_READER = MAPPER.readerFor(SETTINGS);
  private static final ObjectWriter STRINGS_WRITER =
      MAPPER.writerFor(new TypeReference<List<String>>() {});
  private static final ObjectReader STRINGS_READER =
      MAPPER.readerFor(new TypeReference<List<String>>() {});

  private JsonColumns() {}

  /** One element of {@code cases.messages_json}; the same keys as the suite exchange format. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record MessageJson(
      String role, String content, @JsonProperty("expected_route") String expectedRoute) {}

  static String messages(List<CaseMessage> messages) {
    var rows = new ArrayList<MessageJson>(messages.size());
    for (CaseMessage message : messages) {
      rows.add(
          new MessageJson(message.role().wireName(), message.content(), message.expectedRoute()));
    }
    return write(MESSAGES_WRITER, rows);
  }

  /**
   * @param owner what the column belongs to, for the error message (e.g. {@code case 1f3e…})
   * @throws SQLDataException when the stored JSON is not a valid message list
   */
  static List<CaseMessage> messages(String json, String owner) throws SQLDataException {
    try {
      List<MessageJson> rows = MESSAGES_READER.readValue(json);
      var messages = new ArrayList<CaseMessage>(rows.size());
      for (MessageJson row : rows) {
        messages.add(
            new CaseMessage(Role.fromWireName(row.role()), row.content(), row.expectedRoute()));
      }
      return messages;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new SQLDataException(
          owner + ": its stored messages cannot be read (" + reason(e) + ")", e);
    }
  }

  static String settings(Map<String, String> settings) {
    return write(SETTINGS_WRITER, new TreeMap<>(settings));
  }

  static Map<String, String> settings(String json, String owner) throws SQLDataException {
    try {
      return SETTINGS_READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new SQLDataException(
          owner + ": its stored engine settings cannot be read (" + reason(e) + ")", e);
    }
  }

  /**
   * What is wrong with a stored value, in a line a user can read: the JSON parser's own words
   * without its class names and source excerpt.
   */
  private static String reason(Exception e) {
    String message =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    if (message == null || message.isBlank()) {
      return "damaged data";
    }
    return message.lines().findFirst().orElse(message).replaceAll("\\(class [^)]*\\)", "").strip();
  }

  /**
   * A JSON array of strings, e.g. the routes an answer listed; {@code NULL} (a row written before
   * the column existed) reads as none.
   */
  static List<String> strings(String json, String owner) throws SQLDataException {
    if (json == null) {
      return List.of();
    }
    try {
      return STRINGS_READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new SQLDataException(owner + ": cannot be read (" + reason(e) + ")", e);
    }
  }

  /** A JSON array, for passing many values as one parameter to {@code json_each(?)}. */
  static String array(List<String> values) {
    return write(STRINGS_WRITER, values);
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Strings, lists and maps of strings always serialize; reaching this is a bug.
      throw new IllegalStateException("could not write JSON", e);
    }
  }
}
