package io.routebench.storage.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM running one of this package's process mains, with its standard streams at hand. */
final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  private ChildJvm(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  static ChildJvm start(Class<?> main, String... args) throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Runs {@code main} to its end and returns what it printed. */
  static List<String> run(Class<?> main, String... args) throws IOException, InterruptedException {
    try (ChildJvm child = start(main, args)) {
      child.in.close();
      var lines = new ArrayList<String>();
      for (String line = child.out.readLine(); line != null; line = child.out.readLine()) {
        lines.add(line);
      }
      assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.process.exitValue()).as(String.join("\n", lines)).isZero();
      return lines;
    }
  }

  void send(String command) {
    in.println(command);
  }

  /** The next line that starts with {@code prefix}; fails when the process ends first. */
  String awaitLine(String prefix) throws IOException {
    var seen = new ArrayList<String>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
      seen.add(line);
    }
    throw new AssertionError("the process ended before printing " + prefix + ": " + seen);
  }

  /** Kills the process the way {@code kill -9} does: no shutdown hook, no close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
