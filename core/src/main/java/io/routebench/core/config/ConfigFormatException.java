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
    super(render(sourceName, requireSome(problems)));
    this.sourceName = sourceName;
    this.problems = List.copyOf(problems);
  }

  public ConfigFormatException(String sourceName, Problem problem) {
    this(sourceName, List.of(problem));
  }

  public String sourceName() {
    return sourceName;
  }

  /** Every problem found, in the order the checks found them; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  /** The first problem's line (1-based), 0 when it has none. */
  public int line() {
    return problems.get(0).line();
  }

  /** The first problem's column (1-based), 0 when it has none. */
  public int column() {
    return problems.get(0).column();
  }

  /** The first problem's key path, {@code ""} when it concerns the whole file. */
  public String keyPath() {
    return problems.get(0).keyPath();
  }

  /**
   * @param line 1-based, 0 when unknown
   * @param column 1-based, 0 when unknown
   * @param keyPath e.g. {@code model_providers[2].routing_preferences[0].description}, or {@code
   *     ""}
   */
  public record Problem(int line, int column, String keyPath, String message) {

    public Problem {
      keyPath = keyPath == null ? "" : keyPath;
    }

    /** {@code file.yaml:12:5: model_providers[2].name: ...}, leaving out what is unknown. */
    public String render(String sourceName) {
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

  private static List<Problem> requireSome(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a format error needs at least one problem");
    }
    return problems;
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
