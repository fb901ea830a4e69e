package io.routebench.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the command line asks for: the workbench (optionally on a workspace file, as a desktop file
 * association passes it) or a headless command.
 *
 * @param workbench whether to open the window
 * @param workspace the workspace to open in the window, if one was named
 */
record LaunchRequest(boolean workbench, Optional<Path> workspace) {

  static LaunchRequest parse(String[] args) {
    if (args.length == 0) {
      return new LaunchRequest(true, Optional.empty());
    }
    // Finder used to add a process serial number when launching an app bundle.
    if (args.length == 1 && args[0].startsWith("-psn_")) {
      return new LaunchRequest(true, Optional.empty());
    }
    if (args.length == 1 && isWorkspaceFile(args[0])) {
      return new LaunchRequest(true, Optional.of(Path.of(args[0])));
    }
    return new LaunchRequest(false, Optional.empty());
  }

  private static boolean isWorkspaceFile(String arg) {
    return !arg.startsWith("-") && arg.toLowerCase(Locale.ROOT).endsWith(".routebench");
  }
}
