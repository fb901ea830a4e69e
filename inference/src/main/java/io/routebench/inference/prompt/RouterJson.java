package io.routebench.inference.prompt;

/**
 * JSON string literals exactly as the proxies' serializer (serde_json) writes them: {@code "},
 * {@code \} and control characters below U+0020 escaped, with the short forms {@code \b \f \n \r
 * \t} and otherwise a six-character unicode escape with lower-case hex digits (U+001F becomes
 * backslash, {@code u001f}); everything else, {@code /} and non-ASCII included, written as it is.
 *
 * <p>Jackson is not used here on purpose: its defaults differ in small ways (upper-case hex in
 * escapes) and every byte of the prompt matters.
 */
final class RouterJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RouterJson() {}

  static String string(String value) {
    var json = new StringBuilder(value.length() + 2);
    appendString(json, value);
    return json.toString();
  }

  static void appendString(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
