package io.routebench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterSource;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite run in the window against a served router keeps as many turns in flight as the
 * connection's parallel setting, as {@code routebench test --parallel} does, instead of a few at a
 * time behind the engine thread. The server is real, on the loopback, and counts.
 */
class ServedRouterRunTest {

  private static final int PARALLEL = 6;
  private static final int CASES = 18;

  @TempDir Path dir;
  private final List<RunViewModel.Outcome> finished = new ArrayList<>();
  private CountingServer server;
  private Workspace workspace;
  private LocalRouter router;

  @BeforeEach
  void start() throws IOException {
    server = new CountingServer(PARALLEL);
    workspace = WorkspaceFile.create(dir.resolve("w.routebench"));
    router = new LocalRouter(path -> null, new CurrentThreadTaskExecutor());
  }

  @AfterEach
  void stop() throws InterruptedException {
    router.unload();
    workspace.close();
    server.close();
  }

  @Test
  void a_window_run_keeps_the_connections_parallel_setting_in_flight() throws Exception {
    connect(PARALLEL);
    TestSuite suite = suiteOf(CASES);

    RegressionRun run = runToTheEnd(suite);

    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.results()).hasSize(CASES);
    assertThat(run.results()).allSatisfy(r -> assertThat(r.actual()).isEqualTo("code generation"));
    assertThat(server.mostAtOnce()).isEqualTo(PARALLEL);
  }

  @Test
  void one_request_in_flight_when_the_connection_says_one() throws Exception {
    connect(1);

    runToTheEnd(suiteOf(4));

    assertThat(server.mostAtOnce()).isEqualTo(1);
  }

  private void connect(int parallel) throws Exception {
    var endpoint =
        new OpenAiEndpointSettings(server.address(), "arch-router", "")
            .withParallelRequests(parallel);
    var failures = new ArrayList<RuntimeException>();
    router.load(new RouterSource.Endpoint(endpoint), failures::add);
    assertThat(failures).isEmpty();
    assertThat(router.isReady()).isTrue();
  }

  private RegressionRun runToTheEnd(TestSuite suite) {
    var runs =
        new RunViewModel(
            router,
            workspace.runs(),
            new CurrentThreadTaskExecutor(),
            new SimpleObjectProperty<PolicyDocument>(Documents.codingAndWriting()),
            System::nanoTime,
            finished::add);
    runs.start(suite);
    assertThat(finished).singleElement();
    return finished.get(0).run();
  }

  private TestSuite suiteOf(int cases) {
    TestSuite suite = workspace.suites().createSuite("served", "");
    var all = new ArrayList<TestCase>();
    for (int i = 0; i < cases; i++) {
      all.add(
          new TestCase(
              "c" + i,
              "case " + i,
              List.of(),
              "",
              List.of(CaseMessage.user("write function number " + i, "code generation"))));
    }
    workspace.suites().addCases(suite.id(), all);
    return workspace.suites().findSuite(suite.id()).orElseThrow();
  }

  /**
   * An OpenAI-compatible router that holds each chat completion until {@code expected} are in
   * flight together (or a few seconds pass, when fewer ever come), then answers them all; it
   * remembers the most it ever held at once.
   */
  private static final class CountingServer implements AutoCloseable {
    private final HttpServer http;
    private final int expected;
    private int inFlight;
    private int mostAtOnce;

    CountingServer(int expected) throws IOException {
      this.expected = expected;
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      http.setExecutor(Executors.newCachedThreadPool());
      http.createContext(
          "/v1/models",
          exchange ->
              answer(
                  exchange,
                  "{\"object\":\"list\",\"data\":[{\"id\":\"arch-router\",\"object\":\"model\"}]}"));
      http.createContext("/v1/chat/completions", this::completion);
      http.start();
    }

    String address() {
      return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    synchronized int mostAtOnce() {
      return mostAtOnce;
    }

    private void completion(HttpExchange exchange) throws IOException {
      exchange.getRequestBody().readAllBytes();
      synchronized (this) {
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        notifyAll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (mostAtOnce < expected && System.nanoTime() < deadline) {
          try {
            wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        inFlight--;
      }
      answer(
          exchange,
          "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
              + "\"message\":{\"role\":\"assistant\",\"content\":"
              + "\"{\\\"route\\\": \\\"code generation\\\"}\"},\"finish_reason\":\"stop\"}]}");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}
