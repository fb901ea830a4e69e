package io.routebench.inference.serving;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The answer of "Check against my server": whether the server renders one user message as
 * RouteBench does under the chosen wrapping, or where the two first differ.
 *
 * @param servedBy the wrapping checked, e.g. {@code ollama}
 * @param difference where the texts (or tokens) first differ, {@code null} when they match
 * @param tokensCompared how many tokens were held against each other, 0 when the server gives none
 *     or RouteBench has no tokenizer at hand
 * @param alsoLike the serving engines whose text the server's is, when not the one checked
 */
public record RenderCheck(
    String servedBy,
    int characters,
    int tokensCompared,
    Difference difference,
    String basis,
    String asked,
    List<String> alsoLike) {

  public RenderCheck {
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(asked, "asked");
    alsoLike = List.copyOf(alsoLike);
  }

  /**
   * The first difference.
   *
   * @param character where the texts first differ, -1 when they are the same (and only tokens
   *     differ)
   * @param token where the token ids first differ, -1 when they were not compared or agree
   * @param routeBench a stretch of RouteBench's side around the difference, escapes shown
   * @param server the same stretch of the server's side
   */
  public record Difference(int character, int token, String routeBench, String server) {}

  public boolean matches() {
    return difference == null;
  }

  /** The answer in words, several lines when the texts differ. */
  public String summary() {
    if (matches()) {
      return String.format(
          Locale.ROOT,
          "matches `%s`: it renders the same %,d characters%s as RouteBench (%s).",
          servedBy,
          characters,
          tokensCompared > 0 ? String.format(Locale.ROOT, " and %,d tokens", tokensCompared) : "",
          basis);
    }
    var words = new StringBuilder("does not match `").append(servedBy).append("`: ");
    if (difference.character() >= 0) {
      words.append("the texts differ at character ").append(difference.character());
      if (difference.token() >= 0) {
        words.append(" (token ").append(difference.token()).append(')');
      }
    } else {
      words.append("the texts agree but the token ids differ at token ").append(difference.token());
    }
    words
        .append(".\n  RouteBench: ")
        .append(difference.routeBench())
        .append("\n  server:     ")
        .append(difference.server())
        .append("\n  (RouteBench's text: ")
        .append(basis)
        .append("; the server's: ")
        .append(asked)
        .append(')');
    if (!alsoLike.isEmpty()) {
      words
          .append("\nThe server's text is what `")
          .append(String.join("` and `", alsoLike))
          .append("` make")
          .append(alsoLike.size() == 1 ? "s" : "")
          .append(" of it: set the serving engine to match it.");
    }
    return words.toString();
  }
}
