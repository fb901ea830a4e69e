package io.routebench.inference.prompt;

import io.routebench.core.routing.PromptSegment;
import io.routebench.core.routing.PromptSegment.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * A template filled the way {@link PromptTemplates#fill} does it, remembering which part of the
 * text came from where. The text is always {@code fill}'s; the segments are for display only.
 *
 * @param segments cover the text from start to end, or are empty in the one case they cannot be
 *     told exactly: a placeholder the second replacement finds straddling a boundary
 */
record FilledTemplate(String text, List<PromptSegment> segments) {

  static FilledTemplate fill(String template, String routes, String conversation) {
    String text = PromptTemplates.fill(template, routes, conversation);
    // Same two passes as fill: {routes} in the template, then {conversation} in everything,
    // the inserted routes included.
    var pieces = new ArrayList<Piece>();
    for (Piece piece :
        split(
            new Piece(Part.INSTRUCTIONS, template), PromptTemplates.ROUTES, routes, Part.ROUTES)) {
      pieces.addAll(split(piece, PromptTemplates.CONVERSATION, conversation, Part.CONVERSATION));
    }
    var segments = new ArrayList<PromptSegment>();
    var joined = new StringBuilder(text.length());
    for (Piece piece : pieces) {
      if (piece.text.isEmpty()) {
        continue;
      }
      int start = joined.length();
      joined.append(piece.text);
      PromptSegment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (last != null && last.part() == piece.part) {
        segments.set(
            segments.size() - 1, new PromptSegment(piece.part, last.start(), joined.length()));
      } else {
        segments.add(new PromptSegment(piece.part, start, joined.length()));
      }
    }
    return new FilledTemplate(text, joined.toString().equals(text) ? segments : List.of());
  }

  private record Piece(Part part, String text) {}

  /**
   * {@code piece} with every {@code placeholder} in it replaced by {@code value} as its own piece.
   */
  private static List<Piece> split(Piece piece, String placeholder, String value, Part valuePart) {
    var pieces = new ArrayList<Piece>();
    int from = 0;
    int at;
    while ((at = piece.text.indexOf(placeholder, from)) >= 0) {
      pieces.add(new Piece(piece.part, piece.text.substring(from, at)));
      pieces.add(new Piece(valuePart, value));
      from = at + placeholder.length();
    }
    pieces.add(new Piece(piece.part, piece.text.substring(from)));
    return pieces;
  }
}
