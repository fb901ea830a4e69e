package io.routebench.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.stage.Stage;

/**
 * For the start-up benchmark ({@code bench/startup-benchmark.sh}): with {@value #PROPERTY} set, the
 * workbench reports the wall time and the CPU time the process has spent when its main window has
 * been laid out and painted for the first time, then exits. CPU time is what a loaded machine
 * distorts least; wall time is what the user sees.
 */
final class FirstWindowProbe {

  static final String PROPERTY = "routebench.exitAfterFirstWindow";

  private FirstWindowProbe() {}

  static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** After the window's first frame: reports, then exits. */
  static void reportAfterFirstFrame(Stage stage, PrintStream out) {
    AfterFirstFrame.run(
        stage,
        () -> {
          out.println(measure());
          out.flush();
          // Not Platform.exit: the benchmark measures the start, not a quit racing the first
          // workspace's creation. System.exit still lets the JVM write its class data sharing
          // archive, as a normal quit does.
          System.exit(0);
        });
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
