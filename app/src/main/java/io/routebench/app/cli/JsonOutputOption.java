package io.routebench.app.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the result as JSON on stdout, for scripts; messages stay on stderr. */
final class JsonOutputOption {

  @Option(names = "--json", description = "machine-readable output: JSON on standard output")
  boolean json;
}
