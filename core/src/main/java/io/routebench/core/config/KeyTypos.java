package io.routebench.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds keys that are near misses of a key the proxies know ({@code routing_preference} for {@code
 * routing_preferences}). Unknown keys are otherwise kept and exported as they are, since the
 * proxies add keys over time; but a misspelt known key silently loses what it holds: a provider's
 * misspelt routes were dropped with nothing but a "target not used" warning.
 */
final class KeyTypos {

  /** Keys this close to a known one (edits, a swap counting as one) are taken for typos. */
  private static final int MAX_EDITS = 2;

  /** Shorter keys are too easily near each other by chance ({@code mode}, {@code name}). */
  private static final int SHORTEST_CHECKED = 5;

  private KeyTypos() {}

  /** Reports each key of {@code node} that is not in {@code known} but nearly is. */
  static void check(ObjectNode node, String path, List<String> known, YamlSchema schema) {
    for (String key : (Iterable<String>) node::fieldNames) {
      if (known.contains(key)) {
        continue;
      }
      nearest(key, known)
          .ifPresent(
              meant ->
                  schema.keyProblem(
                      LocatedYaml.child(path, key),
                      "unknown key \""
                          + key
                          + "\"; did you mean `"
                          + meant
                          + "`? As written, the proxy would not read what it holds"));
    }
  }

  /** The known key {@code key} is a near miss of, if any. */
  static Optional<String> nearest(String key, List<String> known) {
    String folded = key.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (candidate.length() < SHORTEST_CHECKED) {
        continue;
      }
      int distance = folded.equals(candidate) ? 0 : distance(folded, candidate);
      if (distance <= MAX_EDITS && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > MAX_EDITS) {
      return MAX_EDITS + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
