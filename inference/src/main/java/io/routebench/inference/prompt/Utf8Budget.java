package io.routebench.inference.prompt;

/**
 * The proxies' length arithmetic: they count UTF-8 bytes (Rust's {@code str::len}) and estimate
 * tokens as bytes / 4, rounding down. Counting Java {@code char}s instead would keep or drop
 * different messages for any text outside ASCII.
 */
final class Utf8Budget {

  static final int BYTES_PER_TOKEN = 4;

  private Utf8Budget() {}

  /**
   * The number of bytes {@code text.getBytes(UTF_8)} produces, without allocating them. A lone
   * surrogate (impossible in text decoded from UTF-8) counts as the one byte {@code ?} the encoder
   * writes for it.
   */
  static int byteLength(String text) {
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
      } else if (Character.isSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  static int estimatedTokens(String text) {
    return byteLength(text) / BYTES_PER_TOKEN;
  }
}
