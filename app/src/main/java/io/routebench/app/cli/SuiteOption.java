package io.routebench.app.cli;

import picocli.CommandLine.Option;

/** {@code --suite NAME}: a test suite of the workspace, by its name. */
final class SuiteOption {

  @Option(
      names = "--suite",
      required = true,
      paramLabel = "NAME",
      description = "the test suite, by name (`routebench suite list` shows them)")
  String name;
}
