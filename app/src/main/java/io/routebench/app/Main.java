package io.routebench.app;

import io.routebench.app.cli.RouteBenchCli;
import javafx.application.Application;

/**
 * The entry point. Without arguments (or with only a {@code .routebench} file, as the desktop's
 * file association passes it) it opens the workbench; with anything else it runs the command line.
 *
 * <p>This class deliberately does not extend {@link Application}: the Java launcher refuses to
 * start an {@code Application} subclass whose JavaFX modules are on the class path instead of the
 * module path, which is how the jar ships.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    LaunchRequest request = LaunchRequest.parse(args);
    if (request.workbench()) {
      String[] workbenchArgs =
          request.workspace().map(path -> new String[] {path.toString()}).orElse(new String[0]);
      Application.launch(WorkbenchApplication.class, workbenchArgs);
      return;
    }
    System.exit(RouteBenchCli.run(args));
  }
}
