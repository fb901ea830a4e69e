package io.routebench.core.suite.jsonl;

/**
 * Why one line of a suite file could not be imported.
 *
 * @param lineNumber 1-based, counting blank lines
 * @param message what is wrong, located inside the line, e.g. {@code messages[2]: expected_route is
 *     only allowed on user messages} or {@code invalid JSON at column 45: ...}
 */
public record LineError(int lineNumber, String message) {

  /** E.g. {@code line 17: messages[2]: expected_route is only allowed on user messages}. */
  @Override
  public String toString() {
    return "line " + lineNumber + ": " + message;
  }

  /** E.g. {@code cases.jsonl: line 17: messages[2]: ...}. */
  public String format(String sourceName) {
    return sourceName + ": " + this;
  }
}
