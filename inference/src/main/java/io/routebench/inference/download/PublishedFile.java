package io.routebench.inference.download;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of a Hugging Face repository as the hub publishes it.
 *
 * @param name the file's path in the repository, e.g. {@code Arch-Router-1.5B-Q4_K_M.gguf}
 * @param size its size in bytes, or {@code -1} when the listing did not say
 * @param sha256 the SHA-256 the hub publishes for it (lower-case hex), or {@code null} for a file
 *     not stored in LFS
 */
public record PublishedFile(String name, long size, String sha256) {

  public PublishedFile {
    Objects.requireNonNull(name, "name");
    if (sha256 != null) {
      sha256 = normalizeSha256(sha256).orElseThrow(() -> notASha256(name));
    }
  }

  public Optional<String> publishedSha256() {
    return Optional.ofNullable(sha256);
  }

  /**
   * A SHA-256 as hex, from a header or listing that may quote it ({@code "ab12…"}) or mark it weak
   * ({@code W/"ab12…"}); empty when the text is not one.
   */
  static Optional<String> normalizeSha256(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    value = value.toLowerCase(Locale.ROOT);
    if (value.length() != 64) {
      return Optional.empty();
    }
    try {
      HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException e) {
      // Not hex: the same answer as any other value that is no SHA-256, which the caller reports.
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static IllegalArgumentException notASha256(String name) {
    return new IllegalArgumentException(name + ": the published hash is not a SHA-256");
  }
}
