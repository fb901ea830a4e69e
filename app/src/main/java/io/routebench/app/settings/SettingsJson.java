package io.routebench.app.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.RecordComponent;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps {@link AppSettings} to and from {@code settings.json}: the file's keys are the {@link File}
 * record. Keys this version does not know (a newer RouteBench wrote them) are carried over
 * unchanged on the next save, and a value of the wrong type is reported by its key path instead of
 * failing the whole file: each key is bound on its own.
 */
final class SettingsJson {

  /** Bumped when a key changes meaning; readers accept any version and read what they know. */
  static final int FORMAT_VERSION = 1;

  /** Strict: a string is no number and a number no string, as a hand-edited file deserves. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .withCoercionConfig(
              LogicalType.Textual,
              config -> {
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
              })
          .build();

  private SettingsJson() {}

  /**
   * The keys this version writes, in the order a new file lists them. A key whose value is absent
   * is left out of the file ({@code lastModelPath} alone is written as {@code null}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record File(
      int format,
      String writtenBy,
      WindowBounds window,
      Map<String, Double> dividers,
      List<String> recentWorkspaces,
      @JsonInclude(JsonInclude.Include.ALWAYS) String lastModelPath,
      Map<String, String> engine,
      boolean firstRunDismissed,
      List<String> recentModels,
      Endpoint lastEndpoint,
      boolean darkTheme,
      boolean reconnectAtStart,
      String exportFolder) {}

  /**
   * {@link RouterEndpoint} as the file spells it; a missing {@code apiKeyEnv} means none, a missing
   * {@code kind} a router model server, a missing {@code parallelRequests} the default.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Endpoint(
      String baseUrl, String model, String apiKeyEnv, String kind, Integer parallelRequests) {

    static final String PLANO = "plano";

    boolean plano() {
      return PLANO.equals(kind);
    }
  }

  /** A parsed settings file: the settings, the raw document and what could not be read. */
  record Parsed(AppSettings settings, ObjectNode document, List<String> problems) {}

  static Parsed parse(String json) throws JsonProcessingException {
    JsonNode root = MAPPER.readTree(json);
    if (root == null || !root.isObject()) {
      return new Parsed(
          AppSettings.DEFAULTS,
          MAPPER.createObjectNode(),
          List.of("(root): expected a JSON object"));
    }
    var reader = new Reader((ObjectNode) root);
    Path lastModel = reader.path("lastModelPath");
    // Written before there was a list: the model last loaded is its only entry.
    List<Path> recentModels =
        root.has("recentModels")
            ? reader.paths("recentModels", AppSettings.MAX_RECENT_MODELS)
            : lastModel == null ? List.of() : List.of(lastModel);
    AppSettings settings =
        new AppSettings(
            reader.window(),
            reader.dividers(),
            reader.paths("recentWorkspaces", AppSettings.MAX_RECENT_WORKSPACES),
            lastModel,
            reader.engine(),
            reader.flag("firstRunDismissed"),
            recentModels,
            reader.endpoint(),
            reader.flag("darkTheme"),
            reader.path("exportFolder"),
            reader.flag("reconnectAtStart"));
    return new Parsed(settings, (ObjectNode) root, reader.problems);
  }

  /**
   * Writes {@code settings} over a copy of {@code preserved}, the document last read, so that keys
   * this version does not model survive where they were.
   */
  static String write(AppSettings settings, ObjectNode preserved, String writerVersion)
      throws JsonProcessingException {
    RouterEndpoint endpoint = settings.lastEndpoint();
    var file =
        new File(
            FORMAT_VERSION,
            "RouteBench " + writerVersion,
            settings.window(),
            new TreeMap<>(settings.dividerPositions()),
            settings.recentWorkspaces().stream().map(Path::toString).toList(),
            settings.lastModelPath() == null ? null : settings.lastModelPath().toString(),
            new TreeMap<>(settings.engineSettings()),
            settings.firstRunDismissed(),
            settings.recentModels().stream().map(Path::toString).toList(),
            endpoint == null
                ? null
                : new Endpoint(
                    endpoint.baseUrl(),
                    endpoint.model(),
                    endpoint.apiKeyEnvironmentVariable(),
                    endpoint.plano() ? Endpoint.PLANO : null,
                    endpoint.parallelRequests()),
            settings.darkTheme(),
            settings.reconnectAtStart(),
            settings.exportFolder() == null ? null : settings.exportFolder().toString());
    ObjectNode written = MAPPER.valueToTree(file);
    ObjectNode document = preserved.deepCopy();
    for (RecordComponent key : File.class.getRecordComponents()) {
      JsonNode value = written.get(key.getName());
      if (value == null) {
        document.remove(key.getName());
      } else {
        document.set(key.getName(), value);
      }
    }
    return MAPPER.writeValueAsString(document) + System.lineSeparator();
  }

  static ObjectNode emptyDocument() {
    return MAPPER.createObjectNode();
  }

  /** Binds one key at a time, noting each value it cannot use by its key path. */
  private static final class Reader {
    private final ObjectNode document;
    private final List<String> problems = new ArrayList<>();

    Reader(ObjectNode document) {
      this.document = document;
    }

    WindowBounds window() {
      WindowBounds bounds =
          bind(
              document.get("window"),
              "window",
              WindowBounds.class,
              "expected an object with the numbers x, y, width, height and maximized true or"
                  + " false");
      if (bounds != null && (bounds.width() <= 0 || bounds.height() <= 0)) {
        problems.add("window: width and height must be positive");
        return null;
      }
      return bounds;
    }

    Map<String, Double> dividers() {
      var positions = new LinkedHashMap<String, Double>();
      JsonNode node = document.get("dividers");
      if (isAbsent(node)) {
        return positions;
      }
      if (!node.isObject()) {
        problems.add("dividers: expected an object of numbers");
        return positions;
      }
      node.properties()
          .forEach(
              entry -> {
                String key = "dividers." + entry.getKey();
                Double value = bind(entry.getValue(), key, Double.class, "expected a number");
                if (value != null && (value < 0 || value > 1)) {
                  problems.add(key + ": expected a number between 0 and 1");
                } else if (value != null) {
                  positions.put(entry.getKey(), value);
                }
              });
      return positions;
    }

    List<Path> paths(String key, int max) {
      var paths = new ArrayList<Path>();
      JsonNode node = document.get(key);
      if (isAbsent(node)) {
        return paths;
      }
      if (!node.isArray()) {
        problems.add(key + ": expected an array of file paths");
        return paths;
      }
      for (int i = 0; i < node.size(); i++) {
        Path path = path(node.get(i), key + "[" + i + "]");
        if (path != null && !paths.contains(path) && paths.size() < max) {
          paths.add(path);
        }
      }
      return paths;
    }

    Path path(String key) {
      return path(document.get(key), key);
    }

    private Path path(JsonNode node, String keyPath) {
      String text = bind(node, keyPath, String.class, "expected a file path");
      if (text == null) {
        return null;
      }
      if (text.isBlank()) {
        problems.add(keyPath + ": expected a file path");
        return null;
      }
      try {
        return Path.of(text).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        problems.add(keyPath + ": not a valid path on this system: " + e.getMessage());
        return null;
      }
    }

    boolean flag(String key) {
      Boolean value = bind(document.get(key), key, Boolean.class, "expected true or false");
      return value != null && value;
    }

    /** Engine options are kept as text whatever their JSON type, so newer options survive. */
    Map<String, String> engine() {
      var settings = new LinkedHashMap<String, String>();
      JsonNode node = document.get("engine");
      if (isAbsent(node)) {
        return settings;
      }
      if (!node.isObject()) {
        problems.add("engine: expected an object");
        return settings;
      }
      node.properties()
          .forEach(
              entry -> {
                if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                  settings.put(entry.getKey(), entry.getValue().asText());
                } else {
                  problems.add("engine." + entry.getKey() + ": expected a text, number or boolean");
                }
              });
      return settings;
    }

    RouterEndpoint endpoint() {
      String expected = "expected an object with a baseUrl and a model";
      Endpoint endpoint =
          bind(document.get("lastEndpoint"), "lastEndpoint", Endpoint.class, expected);
      if (endpoint == null) {
        return null;
      }
      // A plano listener needs no model: it routes with its own.
      if (isBlank(endpoint.baseUrl()) || (isBlank(endpoint.model()) && !endpoint.plano())) {
        problems.add("lastEndpoint: " + expected);
        return null;
      }
      return new RouterEndpoint(
          endpoint.baseUrl(),
          endpoint.model() == null ? "" : endpoint.model(),
          endpoint.apiKeyEnv(),
          endpoint.plano(),
          endpoint.parallelRequests() == null ? 0 : endpoint.parallelRequests());
    }

    /** The value as {@code type}; {@code null} when absent, or noted as a problem when unusable. */
    private <T> T bind(JsonNode node, String keyPath, Class<T> type, String expected) {
      if (isAbsent(node)) {
        return null;
      }
      try {
        return MAPPER.treeToValue(node, type);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        problems.add(keyPath + ": " + expected);
        return null;
      }
    }
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
