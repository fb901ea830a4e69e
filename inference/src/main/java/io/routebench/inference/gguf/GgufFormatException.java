package io.routebench.inference.gguf;

/** A file is not a usable GGUF model; the message names the file and what is wrong. */
public final class GgufFormatException extends RuntimeException {

  public GgufFormatException(String message) {
    super(message);
  }

  public GgufFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
