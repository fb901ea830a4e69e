package io.routebench.core.routing;

import java.util.Objects;

/**
 * A stretch of a router prompt and what it is, so that a view can tell the routes block, the
 * conversation and the proxy's fixed instructions apart.
 *
 * @param start the first character (index into the prompt text)
 * @param end one past the last character
 */
public record PromptSegment(Part part, int start, int end) {

  /** What a stretch of the prompt is. */
  public enum Part {
    /** The proxy's fixed template text. */
    INSTRUCTIONS,
    /** The routes block: every route's name and description. */
    ROUTES,
    /** The conversation, after the proxy's filtering and truncation. */
    CONVERSATION
  }

  public PromptSegment {
    Objects.requireNonNull(part, "part");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad segment " + start + ".." + end);
    }
  }
}
