package io.routebench.core.run;

/** A run cannot be completed as it was made; the message says why, in the user's words. */
public final class ResumeRefusedException extends RuntimeException {

  public ResumeRefusedException(String message) {
    super(message);
  }
}
