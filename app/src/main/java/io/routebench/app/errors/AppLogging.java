package io.routebench.app.errors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the workbench's log (java.util.logging, which {@link System.Logger} uses by default) to
 * rotating files in the log folder, so a user can attach them to a bug report.
 */
public final class AppLogging {

  private static final int MAX_BYTES = 2_000_000;
  private static final int GENERATIONS = 3;

  private AppLogging() {}

  /**
   * @return the file being written now: {@code routebench-0.log} (older generations are {@code -1},
   *     {@code -2})
   */
  public static Path install(Path logDir) throws IOException {
    Files.createDirectories(logDir);
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
    var fileHandler =
        new FileHandler(
            logDir.resolve("routebench-%g.log").toString(), MAX_BYTES, GENERATIONS, true);
    fileHandler.setFormatter(new SimpleFormatter());
    fileHandler.setLevel(Level.INFO);
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      // The console keeps only what a developer running from a terminal must see.
      handler.setLevel(Level.WARNING);
    }
    root.addHandler(fileHandler);
    return logDir.resolve("routebench-0.log");
  }
}
