package io.routebench.inference.prompt;

import java.nio.charset.StandardCharsets;

/** UTF-8 byte arithmetic: the proxies count and cut text in bytes, not characters. */
final class Utf8 {

  /** The horizontal ellipsis plano puts where it cut the middle of a message (3 bytes). */
  static final String ELLIPSIS = "\u2026";

  private static final int ELLIPSIS_BYTES = 3;

  private Utf8() {}

  static int length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * Shortens {@code text} to at most {@code maxBytes} UTF-8 bytes by cutting out its middle, as
   * plano does: three fifths of the room for the head, the rest for the tail, an ellipsis between,
   * never splitting a character.
   */
  static String middleTrim(String text, int maxBytes) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return text;
    }
    if (maxBytes <= ELLIPSIS_BYTES) {
      return decode(bytes, 0, backToBoundary(bytes, maxBytes));
    }
    int available = maxBytes - ELLIPSIS_BYTES;
    int headBudget = available * 3 / 5;
    int tailBudget = available - headBudget;
    int headEnd = backToBoundary(bytes, headBudget);
    int tailStart = forwardToBoundary(bytes, bytes.length - tailBudget);
    return decode(bytes, 0, headEnd) + ELLIPSIS + decode(bytes, tailStart, bytes.length);
  }

  /** The largest index ≤ {@code index} where a character starts (or the end of the text). */
  private static int backToBoundary(byte[] bytes, int index) {
    int i = Math.min(index, bytes.length);
    while (i > 0 && i < bytes.length && isContinuation(bytes[i])) {
      i--;
    }
    return i;
  }

  /** The smallest index ≥ {@code index} where a character starts (or the end of the text). */
  private static int forwardToBoundary(byte[] bytes, int index) {
    int i = Math.max(index, 0);
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
