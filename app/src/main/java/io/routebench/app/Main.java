package io.routebench.app;

import io.routebench.app.cli.ExitStatus;
import io.routebench.app.cli.RouteBenchCli;
import io.routebench.app.settings.AppPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

  /** The llama.cpp binding extracts its native library into this folder (default: the temp dir). */
  static final String NATIVE_DIR_PROPERTY = "de.kherud.llama.tmpdir";

  public static void main(String[] args) {
    extractNativeLibrariesUnderHome();
    useSystemProxies();
    LaunchRequest request = LaunchRequest.parse(args);
    if (request.workbench()) {
      Optional<String> noDisplay =
          DisplayCheck.problem(System::getProperty, System::getenv, System.getProperty("os.name"));
      if (noDisplay.isPresent()) {
        System.err.println(noDisplay.get());
        System.exit(ExitStatus.COULD_NOT_RUN.code());
      }
      String[] workbenchArgs =
          request.workspace().map(path -> new String[] {path.toString()}).orElse(new String[0]);
      try {
        // Returns once the workbench has quit and saved (Application.stop).
        Application.launch(WorkbenchApplication.class, workbenchArgs);
      } catch (RuntimeException launchFailure) {
        Optional<String> unopened = DisplayCheck.problem(launchFailure, System.getenv("DISPLAY"));
        if (unopened.isEmpty()) {
          throw launchFailure;
        }
        System.err.println(unopened.get());
        System.exit(ExitStatus.COULD_NOT_RUN.code());
      }
      // A loaded router model leaves llama.cpp's server thread behind, which is not a daemon:
      // without this the process would outlive its window.
      System.exit(0);
    }
    System.exit(RouteBenchCli.run(args));
  }

  /**
   * Model downloads go through the desktop's proxy settings unless the user chose otherwise ({@code
   * -Djava.net.useSystemProxies=false}, or {@code -Dhttps.proxyHost=…}); read once, when the JVM
   * first needs a proxy, so it must be set before any connection.
   */
  private static void useSystemProxies() {
    if (System.getProperty("java.net.useSystemProxies") == null) {
      System.setProperty("java.net.useSystemProxies", "true");
    }
  }

  /**
   * A shared temp folder is the wrong place for the binding's native library: a second user cannot
   * replace the first one's copy, and hardened systems mount it without execute permission.
   */
  private static void extractNativeLibrariesUnderHome() {
    if (System.getProperty(NATIVE_DIR_PROPERTY) != null) {
      return;
    }
    Path nativeDir = AppPaths.fromSystem().home().resolve("native");
    try {
      Files.createDirectories(nativeDir);
      System.setProperty(NATIVE_DIR_PROPERTY, nativeDir.toString());
    } catch (IOException e) {
      // The binding falls back to the temp folder, which works on most systems.
    }
  }
}
