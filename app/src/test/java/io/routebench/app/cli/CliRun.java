package io.routebench.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI invocation's exit code and output, captured. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = RouteBenchCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }
}
