package io.routebench.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace W}: the {@code *.routebench} file a command reads or writes. */
final class WorkspaceOption {

  @Option(
      names = "--workspace",
      required = true,
      paramLabel = "W",
      description = "the *.routebench workspace")
  Path file;
}
