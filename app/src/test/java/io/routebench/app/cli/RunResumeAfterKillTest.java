package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.routebench.app.Main;
import io.routebench.app.testing.JavaProcesses;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2,000-turn regression run killed with {@code kill -9} half-way keeps what it had answered,
 * reads back as interrupted, and {@code --resume latest} completes it to exactly the metrics of a
 * run that was never interrupted. The router is a loopback OpenAI-compatible server whose answer
 * depends only on the prompt, so both runs see the same answers.
 */
class RunResumeAfterKillTest {

  private static final String[] ROUTES = {"code generation", "debugging", "other", "code review"};
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile CountDownLatch halfway = new CountDownLatch(Integer.MAX_VALUE);
  private Path workspace;

  @BeforeEach
  void startRouterAndWorkspace() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          String prompt =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String route = ROUTES[Math.floorMod(prompt.hashCode(), ROUTES.length)];
          ObjectNode reply = JSON.createObjectNode();
          reply
              .putArray("choices")
              .addObject()
              .putObject("message")
              .put("role", "assistant")
              .put("content", "{\"route\": \"" + route + "\"}");
          byte[] body = JSON.writeValueAsBytes(reply);
          requests.incrementAndGet();
          halfway.countDown();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();

    workspace = dir.resolve("w.routebench");
    assertThat(
            CliRun.of(
                    "import",
                    SamplePaths.policy("coding-assistant").toString(),
                    "--workspace",
                    workspace.toString())
                .exitCode())
        .isZero();
    Path suite = dir.resolve("big.jsonl");
    var lines = new ArrayList<String>();
    for (int i = 0; i < 1_000; i++) {
      lines.add(
          "{\"name\": \"case "
              + i
              + "\", \"messages\": [{\"role\": \"user\", \"content\": \"request "
              + i
              + "\", \"expected_route\": \""
              + ROUTES[i % ROUTES.length]
              + "\"}, {\"role\": \"assistant\", \"content\": \"answer "
              + i
              + "\"}, {\"role\": \"user\", \"content\": \"follow-up "
              + i
              + "\", \"expected_route\": \""
              + ROUTES[(i / 3) % ROUTES.length]
              + "\"}]}");
    }
    Files.write(suite, lines);
    CliRun imported =
        CliRun.of(
            "import", suite.toString(), "--workspace", workspace.toString(), "--suite", "big");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  @AfterEach
  void stopRouter() {
    server.stop(0);
  }

  @Test
  void a_killed_run_resumes_to_the_metrics_of_an_uninterrupted_one(@TempDir Path home)
      throws Exception {
    Path uninterruptedReport = dir.resolve("uninterrupted.json");
    CliRun uninterrupted = test("--json", uninterruptedReport.toString());
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isIn(0, 1);
    assertThat(uninterrupted.err()).doesNotContain("cancelled", "failed", "not fully stored");

    halfway = new CountDownLatch(800);
    requests.set(0);
    Process killed =
        JavaProcesses.start(
            List.of("-Droutebench.home=" + home),
            Main.class,
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "big",
            "--endpoint",
            endpoint());
    killed.getOutputStream().close();
    assertThat(halfway.await(120, TimeUnit.SECONDS)).isTrue();
    killed.destroyForcibly();
    assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    int askedBeforeTheKill = requests.get();

    int stored;
    try (Workspace file = WorkspaceFile.open(workspace)) {
      var runs = file.runs().listRuns(file.suites().findSuiteByName("big").orElseThrow().id());
      assertThat(runs).hasSize(2);
      assertThat(runs.get(0).status()).isEqualTo(io.routebench.core.run.RunStatus.INTERRUPTED);
      stored = runs.get(0).turns();
    }
    // At most a second of answers may be lost; here that is far fewer than were answered.
    assertThat(stored).isPositive().isLessThanOrEqualTo(askedBeforeTheKill).isLessThan(2_000);

    requests.set(0);
    Path resumedReport = dir.resolve("resumed.json");
    CliRun resumed = test("--resume", "latest", "--json", resumedReport.toString());

    assertThat(resumed.err()).contains("Resuming run");
    assertThat(requests.get()).isEqualTo(2_000 - stored);
    JsonNode expected = JSON.readTree(uninterruptedReport.toFile());
    JsonNode actual = JSON.readTree(resumedReport.toFile());
    assertThat(actual.get("status").asText()).isEqualTo("completed");
    assertThat(actual.get("metrics")).isEqualTo(expected.get("metrics"));
    assertThat(actual.get("turns").size()).isEqualTo(2_000);
    assertThat(resumed.exitCode()).isEqualTo(uninterrupted.exitCode());
  }

  private CliRun test(String... extra) {
    var args =
        new ArrayList<>(List.of("test", "--workspace", workspace.toString(), "--suite", "big"));
    args.addAll(List.of("--endpoint", endpoint()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
