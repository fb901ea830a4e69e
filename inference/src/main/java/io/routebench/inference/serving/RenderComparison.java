package io.routebench.inference.serving;

import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Holds a server's rendering of one user message against RouteBench's. */
public final class RenderComparison {

  /** Characters shown before a difference, and in all. */
  static final int BEFORE = 40;

  static final int WINDOW = 100;
  static final int TOKENS_BEFORE = 4;
  static final int TOKENS_WINDOW = 10;

  private RenderComparison() {}

  /**
   * @param userMessage the message both rendered, to tell which other engine the server is like
   */
  public static RenderCheck compare(
      PromptWrapping wrapping,
      ExpectedRendering expected,
      ServerRendering server,
      String userMessage) {
    String ours = expected.text();
    String theirs = server.text();
    boolean byTokens = !expected.tokens().isEmpty() && !server.tokens().isEmpty();
    int character = firstDifference(ours, theirs);
    int token = byTokens ? firstDifference(expected.tokens(), server.tokens()) : -1;
    RenderCheck.Difference difference = null;
    if (character >= 0) {
      difference =
          new RenderCheck.Difference(
              character, token, window(ours, character), window(theirs, character));
    } else if (token >= 0) {
      difference =
          new RenderCheck.Difference(
              -1, token, window(expected.tokens(), token), window(server.tokens(), token));
    }
    return new RenderCheck(
        wrapping.summary(),
        theirs.length(),
        byTokens ? server.tokens().size() : 0,
        difference,
        expected.basis(),
        server.asked(),
        difference == null ? List.of() : alsoLike(wrapping, theirs, userMessage));
  }

  /** The engines whose Arch-Router text is the server's, when it is not the one checked. */
  private static List<String> alsoLike(PromptWrapping wrapping, String theirs, String userMessage) {
    var like = new ArrayList<String>();
    for (ServingEngine engine : ServingEngine.values()) {
      PromptWrapping other = PromptWrapping.of(engine).withSystemMessage(wrapping.systemMessage());
      ArchRouterReference.expected(other, userMessage)
          .filter(reference -> reference.text().equals(theirs))
          .ifPresent(reference -> like.add(engine.id()));
    }
    return like;
  }

  private static int firstDifference(String a, String b) {
    int common = Math.min(a.length(), b.length());
    for (int i = 0; i < common; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return a.length() == b.length() ? -1 : common;
  }

  private static int firstDifference(List<Integer> a, List<Integer> b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      if (!a.get(i).equals(b.get(i))) {
        return i;
      }
    }
    return a.size() == b.size() ? -1 : common;
  }

  /** The text around {@code at}, newlines and tabs written as escapes so both lines align. */
  static String window(String text, int at) {
    int start = Math.max(0, at - BEFORE);
    int end = Math.min(text.length(), start + WINDOW);
    String shown =
        (start > 0 ? "…" : "")
            + text.substring(start, end)
            + (end < text.length() ? "…" : at >= text.length() ? "(end)" : "");
    return "«" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "»";
  }

  private static String window(List<Integer> tokens, int at) {
    int start = Math.max(0, at - TOKENS_BEFORE);
    int end = Math.min(tokens.size(), start + TOKENS_WINDOW);
    var shown =
        new StringJoiner(", ", start > 0 ? "[…, " : "[", end < tokens.size() ? ", …]" : "]");
    for (int i = start; i < end; i++) {
      shown.add(i == at ? "▶" + tokens.get(i) : Integer.toString(tokens.get(i)));
    }
    return at >= tokens.size() ? shown + " (ends before token " + at + ")" : shown.toString();
  }
}
