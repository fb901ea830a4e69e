package io.routebench.app.report;

/**
 * Builds HTML text in which everything from outside (case names, conversations, the router's raw
 * answers, route names) is escaped: it can only ever be text, never markup, a script or an
 * attribute.
 */
final class Html {

  private final StringBuilder out = new StringBuilder(16_384);

  /** Appends markup written here, never text from a run. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends {@code text} escaped for an element's content or a quoted attribute's value. */
  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** {@code <tag class="cls">text</tag>}, the text escaped. */
  Html element(String tag, String cssClass, String text) {
    out.append('<').append(tag);
    if (cssClass != null) {
      out.append(" class=\"").append(escape(cssClass)).append('"');
    }
    out.append('>').append(escape(text)).append("</").append(tag).append('>');
    return this;
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    var escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default ->
            // Control characters (a model's raw output may hold any) are not HTML text.
            escaped.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return escaped.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
