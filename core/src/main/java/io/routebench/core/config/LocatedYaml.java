package io.routebench.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document parsed into a Jackson tree that remembers where each node started, so schema
 * errors can name a line and column, not only a key path.
 */
final class LocatedYaml {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String sourceName;
  private final JsonNode root;
  private final Map<String, JsonLocation> locations;

  private LocatedYaml(String sourceName, JsonNode root, Map<String, JsonLocation> locations) {
    this.sourceName = sourceName;
    this.root = root;
    this.locations = locations;
  }

  static LocatedYaml parse(String sourceName, String text) {
    var locations = new HashMap<String, JsonLocation>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? NODES.nullNode() : read(parser, "", locations, sourceName);
      if (parser.nextToken() != null) {
        throw new ConfigFormatException(
            sourceName,
            problemAt(parser.currentTokenLocation(), "", "only one YAML document is allowed"));
      }
      return new LocatedYaml(sourceName, root, locations);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConfigFormatException(
          sourceName, problemAt(at, "", "invalid YAML: " + firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ConfigFormatException(
          sourceName, new ConfigFormatException.Problem(0, 0, "", e.getMessage()));
    }
  }

  JsonNode root() {
    return root;
  }

  String sourceName() {
    return sourceName;
  }

  /** A problem located at the node with this key path (or its nearest located ancestor). */
  ConfigFormatException.Problem problem(String keyPath, String message) {
    String path = keyPath;
    while (true) {
      JsonLocation at = locations.get(path);
      if (at != null || path.isEmpty()) {
        return problemAt(at, keyPath, message);
      }
      path = parent(path);
    }
  }

  ConfigFormatException error(String keyPath, String message) {
    return new ConfigFormatException(sourceName, problem(keyPath, message));
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }

  private static JsonNode read(
      JsonParser parser, String path, Map<String, JsonLocation> locations, String sourceName)
      throws IOException {
    locations.put(path, parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          String childPath = child(path, key);
          JsonLocation keyLocation = parser.currentTokenLocation();
          parser.nextToken();
          if (object.has(key)) {
            throw new ConfigFormatException(
                sourceName, problemAt(keyLocation, childPath, "the key appears twice"));
          }
          object.set(key, read(parser, childPath, locations, sourceName));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, index(path, i++), locations, sourceName));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default ->
          throw new ConfigFormatException(
              sourceName,
              problemAt(parser.currentTokenLocation(), path, "unexpected YAML content " + token));
    }
  }

  private static ConfigFormatException.Problem problemAt(
      JsonLocation at, String keyPath, String message) {
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    int column = at == null ? 0 : Math.max(0, at.getColumnNr());
    return new ConfigFormatException.Problem(line, column, keyPath, message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
