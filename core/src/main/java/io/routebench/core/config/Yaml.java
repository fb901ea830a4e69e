package io.routebench.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/**
 * How RouteBench writes YAML: no document marker, quotes only where a YAML loader would otherwise
 * read a string as another type ({@link YamlQuoting}), literal blocks for multi-line text.
 */
final class Yaml {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final ObjectMapper WRITER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              // Folded long lines are valid YAML but unreadable in a diff.
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .stringQuotingChecker(YamlQuoting.INSTANCE)
              .build());

  private Yaml() {}

  static String write(JsonNode tree) {
    try {
      return WRITER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode objectFromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node instanceof ObjectNode object ? object : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
