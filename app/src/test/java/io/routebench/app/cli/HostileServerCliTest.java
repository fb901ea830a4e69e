package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.Main;
import io.routebench.app.testing.JavaProcesses;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A router endpoint that sends its headers and then one byte a second, through the real command
 * line: {@code --timeout} covers the whole answer, and SIGTERM still ends a run held by such a
 * server (issue 16). The server is a raw socket on 127.0.0.1 speaking HTTP/1.1, so that it can
 * misbehave byte by byte.
 */
class HostileServerCliTest {

  @TempDir Path dir;

  private ServerSocket listener;
  private final CountDownLatch requestArrived = new CountDownLatch(1);

  @AfterEach
  void stopServer() throws IOException {
    if (listener != null) {
      listener.close();
    }
  }

  @Test
  void route_gives_up_when_the_timeout_runs_out_in_the_middle_of_the_answer() throws Exception {
    String origin = trickleServer();

    CliRun run =
        CliRun.of(
            "route",
            "--config",
            config().toString(),
            "--endpoint",
            origin,
            "--timeout",
            "2",
            "Write a parser");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains("did not answer within the request timeout of 2 s")
        .doesNotContain("\tat ");
  }

  @Test
  void sigterm_ends_a_test_run_that_a_trickling_server_holds() throws Exception {
    String origin = trickleServer();
    Path workspace = dir.resolve("w.routebench");
    assertThat(CliRun.of("import", config().toString(), "--workspace", workspace.toString()).err())
        .doesNotContain("error");
    Path cases = dir.resolve("smoke.jsonl");
    Files.writeString(
        cases,
        "{\"name\": \"one\", \"messages\": [{\"role\": \"user\", \"content\": \"write a parser\","
            + " \"expected_route\": \"code\"}]}\n");
    assertThat(
            CliRun.of("import", cases.toString(), "--workspace", workspace.toString()).exitCode())
        .isZero();
    Process process =
        JavaProcesses.builder(
                List.of("-Droutebench.home=" + dir.resolve("home")),
                Main.class,
                "test",
                "--workspace",
                workspace.toString(),
                "--suite",
                "smoke",
                "--endpoint",
                origin,
                "--timeout",
                "600")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    try {
      assertThat(requestArrived.await(60, TimeUnit.SECONDS))
          .as("the run asked the server")
          .isTrue();

      process.destroy(); // SIGTERM

      assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("SIGTERM ended the run").isTrue();
      assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("\tat ");
    } finally {
      process.destroyForcibly();
    }
  }

  private Path config() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file,
        """
        version: v0.3.0
        model_providers:
          - model: openai/gpt-4o
            default: true
            routing_preferences:
              - name: code
                description: writing code
        """);
    return file;
  }

  /** Answers every request with its headers, then a space a second, for ever. */
  private String trickleServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket socket = listener.accept();
                  Thread.ofVirtual().start(() -> trickle(socket));
                } catch (IOException closed) {
                  return;
                }
              }
            });
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  private void trickle(Socket socket) {
    try (socket) {
      var in = socket.getInputStream();
      var head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        head.append((char) b);
      }
      requestArrived.countDown();
      OutputStream out = socket.getOutputStream();
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      while (true) {
        out.write(' ');
        out.flush();
        Thread.sleep(1_000);
      }
    } catch (IOException | InterruptedException clientWentAway) {
      // Expected: the client cut the exchange off.
    }
  }
}
