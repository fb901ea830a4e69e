package io.routebench.app.transfer;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Style classes for YAML text: comments, keys, quoted strings, environment references. */
final class YamlHighlighting {

  private static final Pattern TOKENS =
      Pattern.compile(
          "(?<comment>#[^\\n]*)"
              + "|(?<key>^[ \\t]*(?:- )?[A-Za-z_][\\w.-]*(?=:(?:\\s|$)))"
              + "|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*')"
              + "|(?<env>\\$\\{?[A-Z_][A-Z0-9_]*}?)",
          Pattern.MULTILINE);

  private YamlHighlighting() {}

  static StyleSpans<Collection<String>> of(String text) {
    var spans = new StyleSpansBuilder<Collection<String>>();
    Matcher matcher = TOKENS.matcher(text);
    int end = 0;
    while (matcher.find()) {
      String style =
          matcher.group("comment") != null
              ? "yaml-comment"
              : matcher.group("key") != null
                  ? "yaml-key"
                  : matcher.group("string") != null ? "yaml-string" : "yaml-env";
      spans.add(List.of(), matcher.start() - end);
      spans.add(List.of(style), matcher.end() - matcher.start());
      end = matcher.end();
    }
    spans.add(List.of(), text.length() - end);
    return spans.create();
  }
}
