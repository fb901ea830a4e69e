package io.routebench.app.cli;

/** Ends a command with a message on stderr and a chosen exit code (no stack trace). */
final class CliFailure extends RuntimeException {

  private final int exitCode;

  CliFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The input had problems (exit 1). */
  static CliFailure problems(String message) {
    return new CliFailure(message, 1);
  }

  int exitCode() {
    return exitCode;
  }
}
