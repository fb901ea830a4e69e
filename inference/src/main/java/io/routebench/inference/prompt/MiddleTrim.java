package io.routebench.inference.prompt;

import java.nio.charset.StandardCharsets;

/**
 * plano's cut of an over-long user message: keep about three fifths of the byte budget from the
 * start (where users frame the task) and the rest from the end (where the actual ask often is),
 * with an ellipsis between, never splitting a UTF-8 character.
 */
final class MiddleTrim {

  /** U+2026, three bytes in UTF-8. */
  static final String MARKER = "\u2026";

  private static final int MARKER_BYTES = 3;

  private MiddleTrim() {}

  /**
   * Shortens {@code text} to at most {@code maxBytes} UTF-8 bytes.
   *
   * <p>The tail gets whatever the head gave up when its cut moved back to a character boundary,
   * exactly as plano computes it; only the tail's own boundary adjustment can leave bytes unused.
   */
  static String toBytes(String text, int maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return text;
    }
    if (maxBytes <= MARKER_BYTES) {
      // No room for the marker: plano keeps just the start.
      return decode(bytes, 0, boundaryAtOrBefore(bytes, maxBytes));
    }
    int available = maxBytes - MARKER_BYTES;
    int headEnd = boundaryAtOrBefore(bytes, available * 3 / 5);
    int tailStart = boundaryAtOrAfter(bytes, bytes.length - (available - headEnd));
    return decode(bytes, 0, headEnd) + MARKER + decode(bytes, tailStart, bytes.length);
  }

  private static int boundaryAtOrBefore(byte[] bytes, int index) {
    int i = index;
    while (i > 0 && i < bytes.length && isContinuation(bytes[i])) {
      i--;
    }
    return i;
  }

  private static int boundaryAtOrAfter(byte[] bytes, int index) {
    int i = index;
    while (i < bytes.length && isContinuation(bytes[i])) {
      i++;
    }
    return i;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  private static String decode(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
