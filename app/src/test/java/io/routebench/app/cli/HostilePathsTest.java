package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.Main;
import io.routebench.app.testing.JavaProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that are not files: a named pipe, and a device behind a link, given as every kind of input
 * the command line reads. Each runs the real command line in a child JVM, because the fault is the
 * operating system's: opening a pipe blocks the thread in the kernel until a writer comes, and
 * {@code /dev/zero} never ends. A hang would show here as a process that does not end in time.
 */
class HostilePathsTest {

  /** Far beyond a refused command's start-up and end, far below a hang. */
  private static final long LIMIT_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void a_named_pipe_as_the_workspace_is_refused_at_once() throws Exception {
    Path pipe = fifo("ws.routebench");

    Finished run = routebench("validate", pipe.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("Cannot open " + pipe + ": it is a named pipe (FIFO), not a workspace file");
  }

  @Test
  void a_named_pipe_as_a_suite_to_import_is_refused_at_once() throws Exception {
    Path pipe = fifo("cases.jsonl");
    Path workspace = dir.resolve("w.routebench");

    Finished run = routebench("import", pipe.toString(), "--workspace", workspace.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(pipe + " is a named pipe (FIFO), not a regular file");
    assertThat(workspace).doesNotExist();
  }

  @Test
  void a_device_behind_a_jsonl_link_is_refused_without_reading_it() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("endless.jsonl"), Path.of("/dev/zero"));

    Finished run =
        routebench(
            "import", link.toString(), "--workspace", dir.resolve("w.routebench").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(link + " is a character device, not a regular file");
  }

  @Test
  void a_named_pipe_as_a_config_or_a_conversation_is_refused_at_once() throws Exception {
    Path config = fifo("config.yaml");
    Path conversation = fifo("messages.json");
    Path realConfig = dir.resolve("real.yaml");
    Files.writeString(
        realConfig,
        """
        version: v0.3.0
        model_providers:
          - model: openai/gpt-4o
            default: true
            routing_preferences:
              - name: code
                description: writing code
        """);

    Finished validate = routebench("validate", config.toString());
    Finished prompt =
        routebench(
            "prompt", "--config", realConfig.toString(), "--conversation", conversation.toString());

    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.err()).contains(config + " is a named pipe (FIFO), not a regular file");
    assertThat(prompt.exitCode()).isEqualTo(1);
    assertThat(prompt.err()).contains(conversation + " is a named pipe (FIFO), not a regular file");
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path path = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    return path;
  }

  private record Finished(int exitCode, String err) {}

  /** Runs the command line in a child JVM; fails when it has not ended within the limit. */
  private Finished routebench(String... args) throws IOException, InterruptedException {
    Path err = dir.resolve("stderr-" + System.nanoTime() + ".txt");
    Process process =
        JavaProcesses.builder(List.of("-Droutebench.home=" + dir.resolve("home")), Main.class, args)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    boolean ended = process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    assertThat(ended).as("routebench " + String.join(" ", args) + " ended in time").isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(stderr).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    return new Finished(process.exitValue(), stderr);
  }
}
