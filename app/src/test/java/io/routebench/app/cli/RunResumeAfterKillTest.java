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

  /** Requests after this many wait for {@link #release}: the run cannot finish before the kill. */
  private volatile int answerAtMost = Integer.MAX_VALUE;

  private final CountDownLatch release = new CountDownLatch(1);
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
          if (requests.incrementAndGet() > answerAtMost) {
            try {
              release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();

    workspace = SampleWorkspace.withPolicies(dir);
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
    SampleWorkspace.importSuite(workspace, suite, "big");
  }

  @AfterEach
  void stopRouter() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void a_killed_run_resumes_to_the_metrics_of_an_uninterrupted_one(@TempDir Path home)
      throws Exception {
    Path uninterruptedReport = dir.resolve("uninterrupted.json");
    CliRun uninterrupted = test("--json", uninterruptedReport.toString());
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isIn(0, 1);
    assertThat(uninterrupted.err()).doesNotContain("cancelled", "failed", "not fully stored");

    answerAtMost = 800;
    requests.set(0);
    Process killed =
        JavaProcesses.builder(
                List.of("-Droutebench.home=" + home),
                Main.class,
                "test",
                "--workspace",
                workspace.toString(),
                "--suite",
                "big",
                "--endpoint",
                endpoint())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed-run.log").toFile())
            .start();
    killed.getOutputStream().close();

    // The server answers 800 turns, then holds the rest; within a second they are in the file.
    int seen = 0;
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        seen < 800 && System.nanoTime() < deadline; ) {
      // Another process's file: there is no event to wait for, so look now and then, as a user
      // refreshing a view would, leaving the writer room to commit.
      Thread.sleep(200);
      seen = storedTurnsOfNewestRun();
    }
    assertThat(seen).isEqualTo(800);
    killed.destroyForcibly();
    assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    release.countDown();

    int stored;
    try (Workspace file = WorkspaceFile.open(workspace)) {
      var runs = file.runs().listRuns(file.suites().findSuiteByName("big").orElseThrow().id());
      assertThat(runs).hasSize(2);
      assertThat(runs.get(0).status()).isEqualTo(io.routebench.core.run.RunStatus.INTERRUPTED);
      stored = runs.get(0).turns();
    }
    assertThat(stored).isEqualTo(800);

    answerAtMost = Integer.MAX_VALUE;
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

  /** What another process reads from the file while the run is being made. */
  private int storedTurnsOfNewestRun() {
    try (Workspace file = WorkspaceFile.open(workspace)) {
      var runs = file.runs().listRuns(file.suites().findSuiteByName("big").orElseThrow().id());
      return runs.size() < 2 ? 0 : runs.get(0).turns();
    }
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
