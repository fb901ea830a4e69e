package io.routebench.core.validation;

import io.routebench.core.routing.RouteNames;
import java.util.Optional;

/**
 * What a route name must satisfy to survive the proxy's JSON, the router's grammar and an exact
 * string comparison in production.
 */
public final class RouteNameRules {

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
