package io.routebench.bench;

import io.routebench.app.cli.RouteBenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI invocation, with this module on the class path, its exit code and output captured. */
record BenchCliRun(int exitCode, String out, String err) {

  static BenchCliRun of(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = RouteBenchCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new BenchCliRun(code, out.toString(), err.toString());
  }
}
