package io.routebench.app.taxonomy;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The telling words a description shares with other routes' descriptions: where two policies read
 * alike, the router confuses them. Short words and common English words do not count.
 */
final class SharedWords {

  /** A word, as a range of the text it was found in. */
  record Occurrence(int start, int end) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
  private static final int MIN_LENGTH = 4;
  private static final Set<String> COMMON =
      Set.of(
          "about", "after", "also", "and", "any", "are", "before", "being", "between", "both",
          "code", "does", "each", "from", "have", "into", "just", "like", "more", "most", "other",
          "over", "same", "such", "than", "that", "their", "them", "then", "there", "these", "they",
          "this", "those", "through", "user", "user's", "users", "very", "what", "when", "where",
          "which", "while", "with", "without", "would", "your");

  private SharedWords() {}

  /**
   * The words of {@code text} that also appear in one of {@code others}, in order of appearance.
   */
  static Set<String> shared(String text, Collection<String> others) {
    var elsewhere = new HashSet<String>();
    others.forEach(other -> elsewhere.addAll(words(other)));
    var shared = new LinkedHashSet<String>();
    for (String word : words(text)) {
      if (elsewhere.contains(word)) {
        shared.add(word);
      }
    }
    return shared;
  }

  /** Where the words of {@code shared} occur in {@code text}. */
  static List<Occurrence> occurrences(String text, Set<String> shared) {
    Matcher matcher = WORD.matcher(text);
    var found = new java.util.ArrayList<Occurrence>();
    while (matcher.find()) {
      if (shared.contains(matcher.group().toLowerCase(Locale.ROOT))) {
        found.add(new Occurrence(matcher.start(), matcher.end()));
      }
    }
    return found;
  }

  private static List<String> words(String text) {
    Matcher matcher = WORD.matcher(text);
    var words = new java.util.ArrayList<String>();
    while (matcher.find()) {
      String word = matcher.group().toLowerCase(Locale.ROOT);
      if (word.length() >= MIN_LENGTH && !COMMON.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }
}
