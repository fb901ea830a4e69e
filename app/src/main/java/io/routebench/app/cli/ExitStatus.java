package io.routebench.app.cli;

import io.routebench.core.config.ConfigFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one table of exit codes, shared by every command, following the tools CI users already know
 * (pytest, promptfoo): 0 passed, 1 the check failed, 2 usage, 3 could not run. A script can then
 * tell "my change broke routing" (1, do not merge) from "the router was down" (3, run again).
 *
 * <p>Commands return {@link #code()}; exceptions that escape a command are mapped by {@link
 * #of(Throwable)}, so a command added later gets the same codes without doing anything.
 */
public enum ExitStatus {
  /** Every turn passed, the input is valid, or the gate that was given held. */
  OK(0, "success: every check passed, or the gate that was given held"),
  /**
   * The check failed: failed turns, --fail-under, regressions against --compare-to, validation
   * errors, collisions, a model RouteBench cannot run, a route the proxy would fail.
   */
  FAILED(
      1,
      "the check failed: failed turns, --fail-under or --compare-to not met, validation errors"
          + " (the file, or a file to import or export), collisions, a model it cannot run"),
  /** The command line is wrong: an unknown option, a missing argument, a file that is not there. */
  USAGE(2, "usage: unknown option, missing or bad argument, a named file, suite or run not found"),
  /**
   * Could not run: the router is unreachable or failed, the workspace cannot be read or written.
   */
  COULD_NOT_RUN(
      3,
      "could not run: router unreachable or failing, workspace unreadable, damaged, locked or"
          + " read-only, download failed, other I/O errors");

  private final int code;
  private final String meaning;

  ExitStatus(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /**
   * What an exception that ended a command means: a {@link CliFailure} says so itself, a file that
   * cannot be read as a config is input with errors, anything else stopped the command from
   * running.
   */
  static ExitStatus of(Throwable exception) {
    if (exception instanceof CliFailure failure) {
      return failure.status();
    }
    if (exception instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (exception instanceof ConfigFormatException) {
      return FAILED;
    }
    return COULD_NOT_RUN;
  }

  /** The exit-code section of every command's {@code --help} and man page. */
  static Map<String, String> helpList() {
    var list = new LinkedHashMap<String, String>();
    for (ExitStatus status : values()) {
      list.put(Integer.toString(status.code), status.meaning);
    }
    // Said by the shell, not by RouteBench, but a CI author meets it.
    list.put("130", "interrupted (Ctrl-C); a test run keeps its results for --resume");
    return list;
  }
}
