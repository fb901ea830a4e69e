package io.routebench.core.suite.jsonl;

import static io.routebench.core.suite.jsonl.SuiteJson.CONTENT;
import static io.routebench.core.suite.jsonl.SuiteJson.EXPECTED_ROUTE;
import static io.routebench.core.suite.jsonl.SuiteJson.MESSAGES;
import static io.routebench.core.suite.jsonl.SuiteJson.NAME;
import static io.routebench.core.suite.jsonl.SuiteJson.NOTES;
import static io.routebench.core.suite.jsonl.SuiteJson.ROLE;
import static io.routebench.core.suite.jsonl.SuiteJson.TAGS;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.routebench.core.conversation.Role;
import io.routebench.core.ids.FreshIds;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one test case object straight off a streaming parser (no intermediate tree: imports of tens
 * of thousands of cases stay fast), collecting every problem instead of stopping at the first.
 * Strict on purpose: an unknown key is more likely a typo ({@code expected_rout}) than data
 * RouteBench may silently drop.
 *
 * <p>Syntax errors are not collected: they surface as the parser's exceptions.
 */
final class TestCaseJson {

  private static final String CASE_KEY_LIST = "name, tags, notes, messages";
  private static final String MESSAGE_KEY_LIST = "role, content, expected_route";

  private TestCaseJson() {}

  /**
   * Reads the value at the parser's next token.
   *
   * @return the case, or {@code null} when {@code problems} received anything
   */
  static TestCase read(JsonParser parser, List<String> problems) throws IOException {
    JsonToken start = parser.nextToken();
    if (start != JsonToken.START_OBJECT) {
      problems.add("expected a test case object, found " + describe(parser));
      parser.skipChildren();
      return null;
    }
    int before = problems.size();
    String name = null;
    boolean hasName = false;
    List<String> tags = List.of();
    String notes = "";
    List<CaseMessage> messages = null;
    // Checked as read, so problems come in the line's own left-to-right order.
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      switch (key) {
        case NAME -> {
          hasName = true;
          name = Value.read(parser).requiredString(NAME, "", problems);
          if (name != null && name.isBlank()) {
            problems.add(NAME + ": must not be empty");
          }
        }
        case TAGS -> tags = tags(parser, problems);
        case NOTES -> notes = Value.read(parser).optionalString(NOTES, "", problems);
        case MESSAGES -> messages = messages(parser, problems);
        default -> {
          problems.add(unknownKey("", key, CASE_KEY_LIST));
          parser.skipChildren();
        }
      }
    }
    if (!hasName) {
      problems.add("missing \"" + NAME + "\"");
    }
    if (messages == null) {
      problems.add("missing \"" + MESSAGES + "\"");
    }
    if (problems.size() > before) {
      return null;
    }
    return new TestCase(FreshIds.next(), name, tags, notes, messages);
  }

  private static List<String> tags(JsonParser parser, List<String> problems) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (token != JsonToken.START_ARRAY) {
      problems.add(TAGS + ": must be an array of strings, found " + describe(parser));
      parser.skipChildren();
      return List.of();
    }
    var tags = new ArrayList<String>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        tags.add(parser.getText());
      } else {
        problems.add(TAGS + "[" + i + "]: must be a string, found " + describe(parser));
        parser.skipChildren();
      }
    }
    return tags;
  }

  /** The messages, or an empty list after reporting why there are none usable. */
  private static List<CaseMessage> messages(JsonParser parser, List<String> problems)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problems.add(MESSAGES + ": must be an array of messages, found " + describe(parser));
      parser.skipChildren();
      return List.of();
    }
    int before = problems.size();
    var messages = new ArrayList<CaseMessage>();
    boolean hasUserMessage = false;
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      CaseMessage message = message(parser, MESSAGES + "[" + i + "]", problems);
      if (message != null) {
        messages.add(message);
        hasUserMessage |= message.role() == Role.USER;
      }
    }
    if (problems.size() > before) {
      return messages;
    }
    if (messages.isEmpty()) {
      problems.add(MESSAGES + ": must hold at least one message");
    } else if (!hasUserMessage) {
      // Only said when every message could be read: a bad role may hide the user message.
      problems.add(MESSAGES + ": no user message; a test case needs at least one turn to route");
    }
    return messages;
  }

  private static CaseMessage message(JsonParser parser, String path, List<String> problems)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      problems.add(path + ": must be a message object, found " + describe(parser));
      parser.skipChildren();
      return null;
    }
    int before = problems.size();
    Value role = Value.ABSENT;
    Value content = Value.ABSENT;
    Value expected = Value.ABSENT;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      switch (key) {
        case ROLE -> role = Value.read(parser);
        case CONTENT -> content = Value.read(parser);
        case EXPECTED_ROUTE -> expected = Value.read(parser);
        default -> {
          problems.add(unknownKey(path, key, MESSAGE_KEY_LIST));
          parser.skipChildren();
        }
      }
    }
    Role parsedRole = role(role, path, problems);
    String contentText = content.requiredString(CONTENT, path, problems);
    String expectedRoute = null;
    boolean hasExpected = expected.isPresent();
    if (parsedRole == Role.USER) {
      if (!hasExpected) {
        problems.add(path + ": expected_route is required on user messages");
      } else {
        expectedRoute = expected.requiredString(EXPECTED_ROUTE, path, problems);
        if (expectedRoute != null && expectedRoute.isEmpty()) {
          problems.add(path + "." + EXPECTED_ROUTE + ": must not be empty");
        }
      }
    } else if (parsedRole != null && hasExpected) {
      problems.add(path + ": expected_route is only allowed on user messages");
    }
    if (problems.size() > before) {
      return null;
    }
    return new CaseMessage(parsedRole, contentText, expectedRoute);
  }

  private static Role role(Value role, String path, List<String> problems) {
    String wireName = role.requiredString(ROLE, path, problems);
    if (wireName == null) {
      return null;
    }
    try {
      return Role.fromWireName(wireName);
    } catch (IllegalArgumentException e) {
      problems.add(path + "." + ROLE + ": " + e.getMessage());
      return null;
    }
  }

  private static String unknownKey(String path, String key, String knownList) {
    return (path.isEmpty() ? "" : path + ": ")
        + "unknown key \""
        + key
        + "\" (expected "
        + knownList
        + ")";
  }

  /** What the parser's current value is, for messages: "a number (7)", "an array", ... */
  private static String describe(JsonParser parser) throws IOException {
    return describe(parser.currentToken(), parser.getText());
  }

  private static String describe(JsonToken token, String text) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number (" + text + ")";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean (" + text + ")";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /**
   * A scalar seen under a key, kept until the whole object is read so that checks run in a fixed
   * order whatever the key order. Arrays and objects are skipped; only their kind is kept.
   *
   * @param token {@code null} when the key was absent
   */
  private record Value(JsonToken token, String text) {

    static final Value ABSENT = new Value(null, null);

    static Value read(JsonParser parser) throws IOException {
      JsonToken token = parser.currentToken();
      if (token.isStructStart()) {
        parser.skipChildren();
        return new Value(token, null);
      }
      return new Value(token, parser.getText());
    }

    /** Present and not {@code null}: JSON null counts as absent for optional keys. */
    boolean isPresent() {
      return token != null && token != JsonToken.VALUE_NULL;
    }

    String requiredString(String key, String path, List<String> problems) {
      if (token == null) {
        problems.add((path.isEmpty() ? "" : path + ": ") + "missing \"" + key + "\"");
        return null;
      }
      return string(key, path, problems);
    }

    String optionalString(String key, String path, List<String> problems) {
      if (!isPresent()) {
        return "";
      }
      String value = string(key, path, problems);
      return value == null ? "" : value;
    }

    private String string(String key, String path, List<String> problems) {
      if (token != JsonToken.VALUE_STRING) {
        problems.add(
            (path.isEmpty() ? key : path + "." + key)
                + ": must be a string, found "
                + describe(token, text));
        return null;
      }
      return text;
    }
  }
}
