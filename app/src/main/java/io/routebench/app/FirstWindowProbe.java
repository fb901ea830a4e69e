package io.routebench.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * For the start-up benchmark ({@code bench/startup-benchmark.sh}): with {@value #PROPERTY} set, the
 * workbench reports the wall time and the CPU time the process has spent when its main window has
 * been laid out and painted for the first time, then quits. CPU time is what a loaded machine
 * distorts least; wall time is what the user sees.
 */
final class FirstWindowProbe {

  static final String PROPERTY = "routebench.exitAfterFirstWindow";

  private FirstWindowProbe() {}

  static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }

  /**
   * After the next frame of the stage's scene: one layout pulse, then the frame is handed to the
   * renderer, then this reports and exits.
   */
  static void reportAfterFirstFrame(Stage stage, PrintStream out) {
    Scene scene = stage.getScene();
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          // Runs after the pulse that painted the laid-out scene.
          Platform.runLater(
              () -> {
                out.println(measure());
                out.flush();
                Platform.exit();
              });
        };
    scene.addPostLayoutPulseListener(once[0]);
    Platform.requestNextPulse();
  }

  /** {@code first window: wall 1.234 s, cpu 1.987 s}, both since the process started. */
  static String measure() {
    ProcessHandle.Info info = ProcessHandle.current().info();
    double wall =
        info.startInstant()
            .map(start -> Duration.between(start, Instant.now()).toNanos() / 1e9)
            .orElse(-1.0);
    double cpu = info.totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    return String.format(Locale.ROOT, "first window: wall %.3f s, cpu %.3f s", wall, cpu);
  }
}
