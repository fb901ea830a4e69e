package io.routebench.core.config;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Quotes every string that a YAML 1.1 or 1.2 loader would read as something else (the proxies load
 * configs with PyYAML and serde_yaml). Jackson's default check misses several YAML 1.1 forms that
 * the proxies' Python config loader still resolves ({@code 0x1F}, {@code 1_000}, {@code 12:30},
 * {@code .inf}, {@code 2024-01-01}, {@code =}), which would turn a user's string into a number,
 * date or error on the way to the proxy. Quoting a string that did not need it is harmless, so the
 * patterns err on the side of quoting.
 */
final class YamlQuoting extends StringQuotingChecker {

  static final YamlQuoting INSTANCE = new YamlQuoting();

  private static final long serialVersionUID = 1L;

  private static final Pattern IMPLICITLY_TYPED =
      Pattern.compile(
          String.join(
              "|",
              // booleans (YAML 1.1 spells them many ways)
              "(?i:y|yes|n|no|true|false|on|off)",
              // null
              "~|(?i:null)",
              // integers: binary, octal, decimal, hex, base 60, with underscores
              "[-+]?0b[01_]+",
              "[-+]?0o?[0-7_]+",
              "[-+]?[0-9][0-9_]*",
              "[-+]?0x[0-9a-fA-F_]+",
              "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?",
              // floats, with or without a fraction or exponent, and the special values
              "[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?",
              "[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+",
              "[-+]?\\.(?i:inf)",
              "\\.(?i:nan)",
              // timestamps
              "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?",
              // the YAML 1.1 value and merge indicators
              "=",
              "<<"));

  private YamlQuoting() {}

  /*
   * Syntax is not this class's concern: SnakeYAML's emitter falls back to a quoted style by itself
   * when a plain scalar would not parse back (": ", " #", leading indicators, edge spaces). What it
   * cannot know is which plain scalars a loader resolves to another type, so only that is checked
   * here; descriptions full of commas stay unquoted and readable.
   */

  @Override
  public boolean needToQuoteName(String name) {
    return isImplicitlyTyped(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return isImplicitlyTyped(value);
  }

  static boolean isImplicitlyTyped(String text) {
    return text.isEmpty() || IMPLICITLY_TYPED.matcher(text).matches() || hasUnicodeLineBreak(text);
  }

  /**
   * YAML 1.1 loaders treat NEL, LS and PS as line breaks inside plain scalars and fold them into
   * spaces; a double-quoted scalar escapes them ({@code \N}, {@code \L}, {@code \P}).
   */
  private static boolean hasUnicodeLineBreak(String text) {
    return text.indexOf('\u0085') >= 0
        || text.indexOf('\u2028') >= 0
        || text.indexOf('\u2029') >= 0;
  }
}
