package io.routebench.core.validation;

import io.routebench.core.routing.RouteNames;
import java.util.Optional;

/**
 * What a route name must satisfy to survive the proxy's JSON, the router's grammar and an exact
 * string comparison in production.
 */
public final class RouteNameRules {

  /**
   * {@link #problemWith} as a regular expression (ECMA 262, as JSON Schema reads it), for editors:
   * not empty, not {@code other}, no surrounding whitespace, no {@code "}, {@code \\} or control
   * characters. A test holds the two to the same answers.
   */
  public static final String PATTERN =
      "^(?!other$)[^\\s\"\\\\\\u0000-\\u001f\\u007f]"
          + "(?:[^\"\\\\\\u0000-\\u001f\\u007f]*[^\\s\"\\\\\\u0000-\\u001f\\u007f])?$";

  /** The rules in one sentence. */
  public static final String SUMMARY =
      "A route name: not empty, not \"other\" (reserved), no leading or trailing whitespace, no"
          + " double quote, backslash or control character.";

  private RouteNameRules() {}

  /** Why {@code name} cannot be a route name, or empty when it can. */
  public static Optional<String> problemWith(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("route name is empty");
    }
    if (name.equals(RouteNames.OTHER)) {
      return Optional.of(
          "route name \"other\" is reserved: the router answers it when no route fits");
    }
    if (!name.strip().equals(name)) {
      return Optional.of(
          "route name \""
              + name
              + "\" has leading or trailing whitespace; the router would not reproduce it");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '\\') {
        return Optional.of(
            "route name \""
                + name
                + "\" contains "
                + describe(c)
                + ", which the router's JSON answer cannot carry unescaped");
      }
      if (c < 0x20 || c == 0x7f) {
        return Optional.of(
            "route name contains a control character (" + describe(c) + ") at position " + (i + 1));
      }
    }
    return Optional.empty();
  }

  private static String describe(char c) {
    return switch (c) {
      case '"' -> "a double quote (\")";
      case '\\' -> "a backslash (\\)";
      case '\n' -> "a line break";
      case '\r' -> "a carriage return";
      case '\t' -> "a tab";
      default -> String.format("U+%04X", (int) c);
    };
  }
}
