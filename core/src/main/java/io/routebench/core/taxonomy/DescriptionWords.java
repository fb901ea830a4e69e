package io.routebench.core.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The telling words of a description or a message: where two policies' descriptions share them, the
 * router confuses the two. Short words and common English words do not count. The description
 * editor marks shared words with it, and the description doctor builds its edits from it.
 */
public final class DescriptionWords {

  /** A word, as a range of the text it was found in. */
  public record Occurrence(int start, int end) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
  private static final int MIN_LENGTH = 4;
  private static final Set<String> COMMON =
      Set.of(
          "about", "after", "also", "and", "any", "are", "before", "being", "between", "both",
          "code", "does", "each", "from", "have", "into", "just", "like", "more", "most", "other",
          "over", "same", "such", "than", "that", "their", "them", "then", "there", "these", "they",
          "this", "those", "through", "user", "user's", "users", "very", "what", "when", "where",
          "which", "while", "with", "without", "would", "your");

  private DescriptionWords() {}

  /**
   * The words of {@code text} that also appear in one of {@code others}, in order of appearance.
   */
  public static Set<String> shared(String text, Collection<String> others) {
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
  public static List<Occurrence> occurrences(String text, Set<String> shared) {
    Matcher matcher = WORD.matcher(text);
    var found = new ArrayList<Occurrence>();
    while (matcher.find()) {
      if (shared.contains(matcher.group().toLowerCase(Locale.ROOT))) {
        found.add(new Occurrence(matcher.start(), matcher.end()));
      }
    }
    return found;
  }

  /** The telling words of {@code text}, lower-cased, in order of appearance, repeats included. */
  public static List<String> words(String text) {
    Matcher matcher = WORD.matcher(text);
    var words = new ArrayList<String>();
    while (matcher.find()) {
      String word = matcher.group().toLowerCase(Locale.ROOT);
      if (word.length() >= MIN_LENGTH && !COMMON.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }
}
