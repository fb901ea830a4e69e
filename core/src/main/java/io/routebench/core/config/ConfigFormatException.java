package io.routebench.core.config;

import java.util.List;

/**
 * A config or policy file cannot be read; every problem names the file, and the line and column
 * (YAML syntax) or the key path (schema) of the offending element.
 */
public final class ConfigFormatException extends RuntimeException {

  private final String sourceName;
  private final List<Problem> problems;

  public ConfigFormatException(String sourceName, List<Problem> problems) {
    super(render(sourceName, problems));
    this.sourceName = sourceName;
    this.problems = List.copyOf(problems);
  }

  public ConfigFormatException(String sourceName, Problem problem) {
    this(sourceName, List.of(problem));
  }

  public String sourceName() {
    return sourceName;
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * @param line 1-based, 0 when unknown
   * @param column 1-based, 0 when unknown
   * @param keyPath e.g. {@code model_providers[2].routing_preferences[0].description}, or {@code
   *     ""}
   */
  public record Problem(int line, int column, String keyPath, String message) {

    String render(String sourceName) {
      var text = new StringBuilder(sourceName);
      if (line > 0) {
        text.append(':').append(line);
        if (column > 0) {
          text.append(':').append(column);
        }
      }
      text.append(": ");
      if (!keyPath.isEmpty()) {
        text.append(keyPath).append(": ");
      }
      return text.append(message).toString();
    }
  }

  private static String render(String sourceName, List<Problem> problems) {
    var text = new StringBuilder();
    for (Problem problem : problems) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(problem.render(sourceName));
    }
    return text.toString();
  }
}
