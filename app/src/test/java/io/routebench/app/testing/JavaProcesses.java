package io.routebench.app.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts another JVM on this test run's class path: a second RouteBench, as a user would. */
public final class JavaProcesses {

  private JavaProcesses() {}

  /**
   * @param jvmOptions e.g. {@code -Droutebench.home=...}
   */
  public static ProcessBuilder builder(List<String> jvmOptions, Class<?> main, String... args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    var command = new ArrayList<String>();
    command.add(java);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  public static Process start(List<String> jvmOptions, Class<?> main, String... args)
      throws IOException {
    return builder(jvmOptions, main, args).start();
  }
}
