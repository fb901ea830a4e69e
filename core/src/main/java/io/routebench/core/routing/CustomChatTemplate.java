package io.routebench.core.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Jinja chat template of the user's own, which their server renders in place of the model's
 * ({@code vllm --chat-template FILE}, {@code llama-server --jinja --chat-template-file FILE}). The
 * text is kept in the workspace, not the path: the decision depends on the text, and a file can
 * move or change.
 *
 * @param fileName the file it was read from, for the user's eyes only
 * @param text the template exactly as read
 */
public record CustomChatTemplate(String fileName, String text) {

  /** Far beyond any real chat template (the longest mainstream ones are under 20 KB). */
  public static final int MAX_CHARS = 100_000;

  public CustomChatTemplate {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("the chat template " + fileName + " is empty");
    }
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException(
          "the chat template "
              + fileName
              + " has "
              + text.length()
              + " characters; RouteBench takes templates of up to "
              + MAX_CHARS);
    }
  }

  /** Hex SHA-256 of the text (UTF-8): what tells two templates apart in run records. */
  public String sha256() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** e.g. {@code router.jinja sha256:3f2a9c0b1d4e}: short, and unique enough to compare runs. */
  public String fingerprint() {
    return fileName + " sha256:" + sha256().substring(0, 12);
  }
}
