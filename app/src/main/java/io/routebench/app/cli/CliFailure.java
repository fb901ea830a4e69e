package io.routebench.app.cli;

/** Ends a command with a message on stderr and the {@link ExitStatus} it means (no stack trace). */
final class CliFailure extends RuntimeException {

  private final ExitStatus status;

  CliFailure(String message, ExitStatus status) {
    super(message);
    this.status = status;
  }

  /**
   * By code, for callers written before {@link ExitStatus}: 2 is usage, 3 could not run, anything
   * else the check failed. Prefer the named factories.
   */
  CliFailure(String message, int exitCode) {
    this(
        message,
        exitCode == ExitStatus.USAGE.code()
            ? ExitStatus.USAGE
            : exitCode == ExitStatus.COULD_NOT_RUN.code()
                ? ExitStatus.COULD_NOT_RUN
                : ExitStatus.FAILED);
  }

  /** The input had problems, or the check failed (exit 1). */
  static CliFailure problems(String message) {
    return new CliFailure(message, ExitStatus.FAILED);
  }

  /** The command line asked for something that is not there or cannot be (exit 2). */
  static CliFailure usage(String message) {
    return new CliFailure(message, ExitStatus.USAGE);
  }

  /** The command could not do its work: router, workspace, disk or network (exit 3). */
  static CliFailure couldNotRun(String message) {
    return new CliFailure(message, ExitStatus.COULD_NOT_RUN);
  }

  ExitStatus status() {
    return status;
  }

  int exitCode() {
    return status.code();
  }
}
