package io.routebench.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps {@link AppSettings} to and from {@code settings.json}. Keys this version does not know (a
 * newer RouteBench wrote them) are carried over unchanged on the next save, and a value of the
 * wrong type is reported by its key path instead of failing the whole file.
 */
final class SettingsJson {

  /** Bumped when a key changes meaning; readers accept any version and read what they know. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SettingsJson() {}

  /** A parsed settings file: the settings, the raw document and what could not be read. */
  record Parsed(AppSettings settings, ObjectNode document, List<String> problems) {}

  static Parsed parse(String json) throws JsonProcessingException {
    JsonNode root = MAPPER.readTree(json);
    var problems = new ArrayList<String>();
    if (root == null || !root.isObject()) {
      problems.add("(root): expected a JSON object");
      return new Parsed(AppSettings.DEFAULTS, MAPPER.createObjectNode(), problems);
    }
    ObjectNode document = (ObjectNode) root;
    Path lastModel = readPath(document.get("lastModelPath"), "lastModelPath", problems);
    // Written before there was a list: the model last loaded is its only entry.
    List<Path> recentModels =
        document.has("recentModels")
            ? readPaths(
                document.get("recentModels"),
                "recentModels",
                AppSettings.MAX_RECENT_MODELS,
                problems)
            : lastModel == null ? List.of() : List.of(lastModel);
    AppSettings settings =
        new AppSettings(
            readWindow(document.get("window"), problems),
            readDividers(document.get("dividers"), problems),
            readPaths(
                document.get("recentWorkspaces"),
                "recentWorkspaces",
                AppSettings.MAX_RECENT_WORKSPACES,
                problems),
            lastModel,
            readEngine(document.get("engine"), problems),
            readFlag(document.get("firstRunDismissed"), "firstRunDismissed", problems),
            recentModels,
            readEndpoint(document.get("lastEndpoint"), problems),
            readFlag(document.get("darkTheme"), "darkTheme", problems),
            readPath(document.get("exportFolder"), "exportFolder", problems),
            readFlag(document.get("reconnectAtStart"), "reconnectAtStart", problems));
    return new Parsed(settings, document, problems);
  }

  /**
   * Writes {@code settings} over a copy of {@code preserved}, the document last read, so that keys
   * this version does not model survive.
   */
  static String write(AppSettings settings, ObjectNode preserved, String writerVersion)
      throws JsonProcessingException {
    ObjectNode document = preserved.deepCopy();
    document.put("format", FORMAT_VERSION);
    document.put("writtenBy", "RouteBench " + writerVersion);
    settings
        .windowBounds()
        .ifPresentOrElse(
            bounds -> {
              ObjectNode window = document.putObject("window");
              window.put("x", bounds.x());
              window.put("y", bounds.y());
              window.put("width", bounds.width());
              window.put("height", bounds.height());
              window.put("maximized", bounds.maximized());
            },
            () -> document.remove("window"));
    ObjectNode dividers = document.putObject("dividers");
    settings.dividerPositions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> dividers.put(e.getKey(), e.getValue()));
    ArrayNode recent = document.putArray("recentWorkspaces");
    settings.recentWorkspaces().forEach(path -> recent.add(path.toString()));
    if (settings.lastModelPath() == null) {
      document.putNull("lastModelPath");
    } else {
      document.put("lastModelPath", settings.lastModelPath().toString());
    }
    ObjectNode engine = document.putObject("engine");
    settings.engineSettings().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> engine.put(e.getKey(), e.getValue()));
    document.put("firstRunDismissed", settings.firstRunDismissed());
    ArrayNode models = document.putArray("recentModels");
    settings.recentModels().forEach(path -> models.add(path.toString()));
    if (settings.lastEndpoint() == null) {
      document.remove("lastEndpoint");
    } else {
      ObjectNode endpoint = document.putObject("lastEndpoint");
      endpoint.put("baseUrl", settings.lastEndpoint().baseUrl());
      endpoint.put("model", settings.lastEndpoint().model());
      endpoint.put("apiKeyEnv", settings.lastEndpoint().apiKeyEnvironmentVariable());
    }
    document.put("darkTheme", settings.darkTheme());
    document.put("reconnectAtStart", settings.reconnectAtStart());
    if (settings.exportFolder() == null) {
      document.remove("exportFolder");
    } else {
      document.put("exportFolder", settings.exportFolder().toString());
    }
    return MAPPER.writeValueAsString(document) + System.lineSeparator();
  }

  static ObjectNode emptyDocument() {
    return MAPPER.createObjectNode();
  }

  private static WindowBounds readWindow(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add("window: expected an object with x, y, width, height and maximized");
      return null;
    }
    for (String key : List.of("x", "y", "width", "height")) {
      if (!node.path(key).isNumber()) {
        problems.add("window." + key + ": expected a number");
        return null;
      }
    }
    if (!node.path("maximized").isBoolean()) {
      problems.add("window.maximized: expected true or false");
      return null;
    }
    double width = node.get("width").asDouble();
    double height = node.get("height").asDouble();
    if (width <= 0 || height <= 0) {
      problems.add("window: width and height must be positive");
      return null;
    }
    return new WindowBounds(
        node.get("x").asDouble(),
        node.get("y").asDouble(),
        width,
        height,
        node.get("maximized").asBoolean());
  }

  private static Map<String, Double> readDividers(JsonNode node, List<String> problems) {
    var positions = new LinkedHashMap<String, Double>();
    if (node == null || node.isNull()) {
      return positions;
    }
    if (!node.isObject()) {
      problems.add("dividers: expected an object of numbers");
      return positions;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      double value = entry.getValue().asDouble(Double.NaN);
      if (!entry.getValue().isNumber() || value < 0 || value > 1) {
        problems.add("dividers." + entry.getKey() + ": expected a number between 0 and 1");
      } else {
        positions.put(entry.getKey(), value);
      }
    }
    return positions;
  }

  private static List<Path> readPaths(JsonNode node, String key, int max, List<String> problems) {
    var recent = new ArrayList<Path>();
    if (node == null || node.isNull()) {
      return recent;
    }
    if (!node.isArray()) {
      problems.add(key + ": expected an array of file paths");
      return recent;
    }
    for (int i = 0; i < node.size(); i++) {
      Path path = readPath(node.get(i), key + "[" + i + "]", problems);
      if (path != null && !recent.contains(path) && recent.size() < max) {
        recent.add(path);
      }
    }
    return recent;
  }

  private static RouterEndpoint readEndpoint(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()
        || !node.path("baseUrl").isTextual()
        || !node.path("model").isTextual()
        || node.path("baseUrl").asText().isBlank()
        || node.path("model").asText().isBlank()) {
      problems.add("lastEndpoint: expected an object with a baseUrl and a model");
      return null;
    }
    JsonNode key = node.path("apiKeyEnv");
    return new RouterEndpoint(
        node.get("baseUrl").asText(),
        node.get("model").asText(),
        key.isTextual() ? key.asText() : "");
  }

  private static Path readPath(JsonNode node, String keyPath, List<String> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      problems.add(keyPath + ": expected a file path");
      return null;
    }
    try {
      return Path.of(node.asText()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problems.add(keyPath + ": not a valid path on this system: " + e.getMessage());
      return null;
    }
  }

  private static boolean readFlag(JsonNode node, String keyPath, List<String> problems) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      problems.add(keyPath + ": expected true or false");
      return false;
    }
    return node.asBoolean();
  }

  private static Map<String, String> readEngine(JsonNode node, List<String> problems) {
    var settings = new LinkedHashMap<String, String>();
    if (node == null || node.isNull()) {
      return settings;
    }
    if (!node.isObject()) {
      problems.add("engine: expected an object");
      return settings;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
        settings.put(entry.getKey(), entry.getValue().asText());
      } else {
        problems.add("engine." + entry.getKey() + ": expected a text, number or boolean");
      }
    }
    return settings;
  }
}
