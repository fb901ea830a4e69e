package io.routebench.core.doctor;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Small edits of description text that keep it readable. */
final class DescriptionText {

  private static final String WORD_EDGE = "[\\p{L}\\p{N}'-]";

  private DescriptionText() {}

  /** {@code text} without the given words (any case), its spacing and punctuation tidied. */
  static String withoutWords(String text, Set<String> words) {
    if (words.isEmpty()) {
      return text;
    }
    String alternatives =
        words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    String removed =
        Pattern.compile(
                // A list item goes with the comma after it: "writing programs, functions".
                "(?<!" + WORD_EDGE + ")" + alternatives + "(?!" + WORD_EDGE + "),?",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(text)
            .replaceAll("");
    return tidy(removed);
  }

  /** {@code text} followed by {@code sentence}, with the full stop between them that it needs. */
  static String withSentence(String text, String sentence) {
    String base = text.strip();
    if (base.isEmpty()) {
      return sentence;
    }
    char last = base.charAt(base.length() - 1);
    return base + (last == '.' || last == '!' || last == '?' ? " " : ". ") + sentence;
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  static String joined(List<String> terms, String conjunction) {
    if (terms.size() == 1) {
      return terms.get(0);
    }
    return String.join(", ", terms.subList(0, terms.size() - 1))
        + " "
        + conjunction
        + " "
        + terms.get(terms.size() - 1);
  }

  private static String tidy(String text) {
    String tidied = text;
    String before;
    do {
      before = tidied;
      tidied =
          tidied
              .replaceAll("[ \\t]{2,}", " ")
              .replaceAll(" ([,.;:!?)])", "$1")
              .replaceAll("\\( ", "(")
              .replaceAll("\\(\\)", "")
              .replaceAll(",\\s*([,.;:!?])", "$1")
              .replaceAll(",\\s+(and|or)\\b", " $1")
              .replaceAll("(?i)\\b(and|or|of|for|the|a|an|to|with|in|on)\\s*([,.;:!?])", "$2")
              .replaceAll("(?i)([,(]\\s*)(and|or)\\s+(and|or)\\b", "$1$2")
              .strip();
      while (!tidied.isEmpty() && ",.;:".indexOf(tidied.charAt(0)) >= 0) {
        tidied = tidied.substring(1).strip();
      }
    } while (!tidied.equals(before));
    return tidied;
  }
}
