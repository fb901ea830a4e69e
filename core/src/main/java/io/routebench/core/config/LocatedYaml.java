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
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * A YAML document parsed into a Jackson tree that remembers where each node started, so schema
 * errors can name a line and column, not only a key path.
 *
 * <p>Anchors, aliases ({@code *name}) and merge keys ({@code <<: *name}) are expanded the way the
 * proxies' own YAML loaders expand them; Jackson's plain tree reader would turn an alias into the
 * string {@code "name"} and silently change the config.
 *
 * <p>Files come from anywhere, so reading is bounded: the text's size and line length first ({@link
 * ConfigText}), then while the tree is built at most {@link #MAX_ALIASES} aliases of collections,
 * at most {@link #MAX_EXPANDED_NODES} values copied in by aliases (a "billion laughs" file of 1 KB
 * otherwise expands to gigabytes) and at most {@link #MAX_DEPTH} levels of nesting. These are
 * SnakeYAML's own {@code LoaderOptions} defaults for aliases and nesting; Jackson's streaming
 * parser leaves alias expansion and nesting to the reader, so this class enforces them.
 */
final class LocatedYaml {

  /** Aliases of mappings or lists one file may use ({@code LoaderOptions} default). */
  static final int MAX_ALIASES = 50;

  /** Values that aliases may copy into the tree, all aliases together. */
  static final int MAX_EXPANDED_NODES = 100_000;

  /** Mappings and lists inside one another ({@code LoaderOptions} default). */
  static final int MAX_DEPTH = 50;

  private static final YAMLFactory YAML = yamlFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE_KEY = "<<";

  private final String sourceName;
  private final JsonNode root;
  private final Map<String, JsonLocation> locations;
  private final Map<String, JsonLocation> keyLocations;

  private LocatedYaml(
      String sourceName,
      JsonNode root,
      Map<String, JsonLocation> locations,
      Map<String, JsonLocation> keyLocations) {
    this.sourceName = sourceName;
    this.root = root;
    this.locations = locations;
    this.keyLocations = keyLocations;
  }

  /**
   * @throws ConfigFormatException for a YAML syntax error (with its line and column), several
   *     documents in one file, a key that appears twice in a mapping or an unknown alias
   */
  static LocatedYaml parse(String sourceName, String text) {
    ConfigText.checkLines(sourceName, text);
    try (JsonParser parser = YAML.createParser(text)) {
      var reader = new TreeReader(sourceName, (YAMLParser) parser);
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? NODES.nullNode() : reader.read("");
      if (parser.nextToken() != null) {
        throw new ConfigFormatException(
            sourceName,
            problemAt(
                parser.currentTokenLocation(),
                "",
                "only one YAML document is allowed; remove the '---' and what follows"));
      }
      return new LocatedYaml(sourceName, root, reader.locations, reader.keyLocations);
    } catch (JsonProcessingException e) {
      throw new ConfigFormatException(sourceName, syntaxProblem(e));
    } catch (IOException e) {
      throw new ConfigFormatException(
          sourceName,
          new ConfigFormatException.Problem(0, 0, "", "cannot read: " + e.getMessage()));
    }
  }

  private static YAMLFactory yamlFactory() {
    var options = new LoaderOptions();
    options.setCodePointLimit(ConfigText.MAX_BYTES);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /**
   * Whether the text holds YAML comments, which a tree cannot carry: an export writes the config
   * without them, and the user should hear that at import. Only call this on text that {@link
   * #parse} accepted.
   */
  static boolean hasComments(String text) {
    if (text.indexOf('#') < 0) {
      return false; // no comment without a '#'; spares a second parse of a large config
    }
    var options = new LoaderOptions();
    options.setProcessComments(true);
    options.setCodePointLimit(ConfigText.MAX_BYTES);
    for (Event event : new org.yaml.snakeyaml.Yaml(options).parse(new StringReader(text))) {
      if (event instanceof CommentEvent comment
          && comment.getCommentType() != CommentType.BLANK_LINE) {
        return true;
      }
    }
    return false;
  }

  /** A tree that did not come from text (e.g. built in memory): problems carry key paths only. */
  static LocatedYaml unlocated(String sourceName, JsonNode root) {
    return new LocatedYaml(sourceName, root, Map.of(), Map.of());
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

  /**
   * Where the node at {@code keyPath} starts, or its nearest located ancestor below the root; empty
   * when only the whole document contains it (a path of another shape than the file's).
   */
  java.util.Optional<ConfigLocations.Location> locate(String keyPath) {
    String path = keyPath;
    while (!path.isEmpty()) {
      JsonLocation at = locations.get(path);
      if (at != null && at.getLineNr() > 0) {
        return java.util.Optional.of(
            new ConfigLocations.Location(at.getLineNr(), Math.max(0, at.getColumnNr())));
      }
      path = parent(path);
    }
    return java.util.Optional.empty();
  }

  /**
   * A problem about a mapping key itself (unknown, repeated), located at the key rather than at its
   * value.
   */
  ConfigFormatException.Problem keyProblem(String keyPath, String message) {
    JsonLocation at = keyLocations.get(keyPath);
    return at != null ? problemAt(at, keyPath, message) : problem(keyPath, message);
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

  private static ConfigFormatException.Problem problemAt(
      JsonLocation at, String keyPath, String message) {
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    int column = at == null ? 0 : Math.max(0, at.getColumnNr());
    return new ConfigFormatException.Problem(line, column, keyPath, message);
  }

  /**
   * SnakeYAML marks where the broken construct started (its context) and where parsing failed (the
   * problem); the problem is where the user has to look, so it gives the line and column.
   */
  private static ConfigFormatException.Problem syntaxProblem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark problem = marked.getProblemMark();
      var message = new StringBuilder("invalid YAML: ").append(marked.getProblem());
      Mark context = marked.getContextMark();
      if (marked.getContext() != null && context != null) {
        message
            .append(" (")
            .append(marked.getContext())
            .append(" started at line ")
            .append(context.getLine() + 1)
            .append(", column ")
            .append(context.getColumn() + 1)
            .append(')');
      }
      return new ConfigFormatException.Problem(
          problem.getLine() + 1, problem.getColumn() + 1, "", message.toString());
    }
    return problemAt(e.getLocation(), "", "invalid YAML: " + firstLine(e.getOriginalMessage()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Reads one document's token stream into a tree, recording locations and anchors. */
  private static final class TreeReader {

    private final String sourceName;
    private final YAMLParser parser;
    private final Map<String, JsonLocation> locations = new HashMap<>();
    private final Map<String, JsonLocation> keyLocations = new HashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Integer> anchorSizes = new HashMap<>();
    private int depth;
    private int collectionAliases;
    private long expandedNodes;

    TreeReader(String sourceName, YAMLParser parser) {
      this.sourceName = sourceName;
      this.parser = parser;
    }

    JsonNode read(String path) throws IOException {
      JsonLocation at = parser.currentTokenLocation();
      locations.put(path, at);
      if (parser.isCurrentAlias()) {
        String name = parser.getText();
        JsonNode anchored = anchors.get(name);
        if (anchored == null) {
          throw new ConfigFormatException(
              sourceName, problemAt(at, path, "the alias *" + name + " names no earlier anchor"));
        }
        checkAliasLimits(at, path, name, anchored);
        return anchored.deepCopy();
      }
      String anchor = parser.getCurrentAnchor();
      JsonToken token = parser.currentToken();
      boolean collection = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
      if (collection && ++depth > MAX_DEPTH) {
        throw new ConfigFormatException(
            sourceName,
            problemAt(
                at,
                path,
                "mappings and lists are nested more than "
                    + MAX_DEPTH
                    + " levels deep; RouteBench reads at most "
                    + MAX_DEPTH));
      }
      JsonNode node = readValue(path, at);
      if (collection) {
        depth--;
      }
      if (anchor != null) {
        anchors.put(anchor, node);
        anchorSizes.put(anchor, size(node));
      }
      return node;
    }

    private void checkAliasLimits(JsonLocation at, String path, String name, JsonNode anchored) {
      if (anchored.isContainerNode() && ++collectionAliases > MAX_ALIASES) {
        throw new ConfigFormatException(
            sourceName,
            problemAt(
                at,
                path,
                "more than "
                    + MAX_ALIASES
                    + " aliases of mappings or lists (*"
                    + name
                    + " is one too many); RouteBench expands at most "
                    + MAX_ALIASES));
      }
      expandedNodes += anchorSizes.getOrDefault(name, 1);
      if (expandedNodes > MAX_EXPANDED_NODES) {
        throw new ConfigFormatException(
            sourceName,
            problemAt(
                at,
                path,
                "aliases expand to more than "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_EXPANDED_NODES)
                    + " values (at *"
                    + name
                    + "); RouteBench expands at most that many, a \"billion laughs\" file would"
                    + " otherwise fill the memory"));
      }
    }

    /** Values in a tree, counting the tree itself; bounded by what the limits let in. */
    private static int size(JsonNode node) {
      int count = 1;
      for (JsonNode child : node) {
        count += size(child);
      }
      return count;
    }

    private JsonNode readValue(String path, JsonLocation at) throws IOException {
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> readMapping(path);
        case START_ARRAY -> {
          ArrayNode array = NODES.arrayNode();
          int i = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(index(path, i++)));
          }
          yield array;
        }
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT ->
            switch (parser.getNumberType()) {
              case INT -> NODES.numberNode(parser.getIntValue());
              case LONG -> NODES.numberNode(parser.getLongValue());
              default -> NODES.numberNode(parser.getBigIntegerValue());
            };
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default ->
            throw new ConfigFormatException(
                sourceName, problemAt(at, path, "unexpected YAML content " + token));
      };
    }

    private ObjectNode readMapping(String path) throws IOException {
      var explicit = new ArrayList<Map.Entry<String, JsonNode>>();
      var explicitKeys = new HashSet<String>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String childPath = child(path, key);
        JsonLocation keyLocation = parser.currentTokenLocation();
        keyLocations.putIfAbsent(childPath, keyLocation);
        parser.nextToken();
        // A repeated key is almost always an editing mistake; the proxies would silently keep one.
        if (!key.equals(MERGE_KEY) && !explicitKeys.add(key)) {
          throw new ConfigFormatException(
              sourceName, problemAt(keyLocation, childPath, "the key appears twice"));
        }
        explicit.add(Map.entry(key, read(childPath)));
      }
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<String, JsonNode> entry : explicit) {
        if (entry.getKey().equals(MERGE_KEY)) {
          merge(object, entry.getValue(), explicitKeys, child(path, MERGE_KEY));
        } else {
          object.set(entry.getKey(), entry.getValue());
        }
      }
      return object;
    }

    /** YAML merge keys: explicit keys win, then earlier merged mappings win over later ones. */
    private void merge(ObjectNode into, JsonNode merged, Set<String> explicitKeys, String path) {
      List<JsonNode> sources = new ArrayList<>();
      if (merged instanceof ArrayNode list) {
        list.forEach(sources::add);
      } else {
        sources.add(merged);
      }
      for (JsonNode source : sources) {
        if (!(source instanceof ObjectNode mapping)) {
          throw new ConfigFormatException(
              sourceName,
              problemAt(locations.get(path), path, "a merge key (<<) must name mappings"));
        }
        mapping
            .properties()
            .forEach(
                field -> {
                  if (!explicitKeys.contains(field.getKey()) && !into.has(field.getKey())) {
                    into.set(field.getKey(), field.getValue().deepCopy());
                  }
                });
      }
    }
  }
}
