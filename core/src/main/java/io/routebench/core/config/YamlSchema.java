package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Typed access to a located YAML tree that collects every schema problem instead of stopping at the
 * first, so the user fixes a file in one pass.
 */
final class YamlSchema {

  private final LocatedYaml yaml;
  private final List<ConfigFormatException.Problem> problems = new ArrayList<>();

  YamlSchema(LocatedYaml yaml) {
    this.yaml = yaml;
  }

  void problem(String path, String message) {
    problems.add(yaml.problem(path, message));
  }

  /** A problem with the key at {@code path} itself, located at the key. */
  void keyProblem(String path, String message) {
    problems.add(yaml.keyProblem(path, message));
  }

  void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigFormatException(yaml.sourceName(), problems);
    }
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  List<ConfigFormatException.Problem> problems() {
    return List.copyOf(problems);
  }

  ObjectNode object(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    problem(path, "expected a mapping (key: value lines), found " + describe(node));
    return null;
  }

  List<JsonNode> list(JsonNode parent, String key, String path, boolean required) {
    JsonNode node = parent.get(key);
    String at = LocatedYaml.child(path, key);
    if (node == null || node.isNull()) {
      if (required) {
        problem(at, "is required");
      }
      return List.of();
    }
    if (node instanceof ArrayNode array) {
      var items = new ArrayList<JsonNode>();
      array.forEach(items::add);
      return items;
    }
    problem(at, "expected a list, found " + describe(node));
    return List.of();
  }

  String string(JsonNode parent, String key, String path, boolean required) {
    JsonNode node = parent.get(key);
    String at = LocatedYaml.child(path, key);
    if (node == null || node.isNull()) {
      if (required) {
        problem(at, "is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      problem(at, "must be a string, found " + describe(node));
      return null;
    }
    return node.asText();
  }

  boolean bool(JsonNode parent, String key, String path) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      problem(LocatedYaml.child(path, key), "must be true or false, found " + describe(node));
      return false;
    }
    return node.asBoolean();
  }

  List<String> strings(JsonNode parent, String key, String path) {
    var values = new ArrayList<String>();
    List<JsonNode> items = list(parent, key, path, false);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (item.isTextual()) {
        values.add(item.asText());
      } else {
        problem(
            LocatedYaml.index(LocatedYaml.child(path, key), i),
            "must be a string, found " + describe(item));
      }
    }
    return values;
  }

  /** Reports keys outside {@code allowed} (typos would otherwise be silently ignored). */
  void onlyKeys(ObjectNode node, String path, Collection<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        keyProblem(
            LocatedYaml.child(path, name),
            "unknown key; allowed here: " + String.join(", ", allowed));
      }
    }
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.asText();
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    return "\"" + node.asText() + "\"";
  }
}
