package io.routebench.bench;

import io.routebench.app.workspace.SamplePolicies;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.RunRecorder;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.StoringRunRecorder;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.prompt.RouterAnswerParser;
import io.routebench.inference.prompt.RouterPromptBuilder;
import io.routebench.inference.remote.LoopbackChatServer;
import io.routebench.inference.remote.OpenAiEndpointRouteSelector;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "remote",
    mixinStandardHelpOptions = true,
    description =
        "Regression runs against a served router: turns/s for --parallel 1, 4, 8, 16"
            + " against a loopback server imitating a batching engine (fixed latency, C"
            + " requests at once), then RouteBench's own cost per turn on a 25,000-turn suite"
            + " with an instant server, stored into a real workspace file.")
final class RemoteRouterBenchmark implements Callable<Integer> {

  private static final int[] PARALLEL = {1, 4, 8, 16};

  @Spec CommandSpec spec;

  @Mixin LoopbackBench bench;

  @Option(
      names = "--seconds",
      defaultValue = "2",
      description = "about how long each --parallel setting runs (default: ${DEFAULT-VALUE})")
  double secondsPerSetting;

  @Option(
      names = "--turns",
      defaultValue = "25000",
      description = "user turns of the overhead suite (default: ${DEFAULT-VALUE})")
  int overheadTurns;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PolicyDocument document = SamplePolicies.load(SamplePolicies.CODING_ASSISTANT);
    out.printf(
        Locale.ROOT,
        "%s, %d cores, Java %s%n",
        System.getProperty("os.name"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    throughput(out, document);
    overhead(out, document);
    return 0;
  }

  private void throughput(PrintWriter out, PolicyDocument document) throws IOException {
    Duration latency = Duration.ofMillis(bench.latencyMillis);
    double bound = bench.capacity / (bench.latencyMillis / 1000.0);
    out.printf(
        Locale.ROOT,
        "%nImitated engine: %d ms per request, %d at once: capacity bound %.0f turns/s%n",
        bench.latencyMillis,
        bench.capacity,
        bound);
    out.println("parallel  turns   seconds  turns/s  bound(N)  of bound  most at once");
    try (var server = new LoopbackChatServer(bench.capacity, latency)) {
      // Connections and JIT warm up on a short run first; it is not reported.
      run(server, document, suiteOf(2 * bench.capacity, 1), bench.capacity, RunRecorder.NONE);
      server.takeMostWorking();
      for (int parallel : PARALLEL) {
        int turns =
            Math.max(
                10,
                (int)
                    (secondsPerSetting
                        * Math.min(parallel, bench.capacity)
                        * 1000.0
                        / bench.latencyMillis));
        TestSuite suite = suiteOf(turns, parallel);
        long start = System.nanoTime();
        RegressionRun result = run(server, document, suite, parallel, RunRecorder.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        requireCompleted(result);
        double rate = result.results().size() / seconds;
        double boundAtN = Math.min(parallel, bench.capacity) / (bench.latencyMillis / 1000.0);
        out.printf(
            Locale.ROOT,
            "%8d  %5d  %8.2f  %7.1f  %8.0f  %7.0f %%  %12d%n",
            parallel,
            result.results().size(),
            seconds,
            rate,
            boundAtN,
            100 * rate / boundAtN,
            server.takeMostWorking());
      }
    }
  }

  private void overhead(PrintWriter out, PolicyDocument document) throws IOException {
    Path file = bench.newWorkspaceFile("remote-bench-");
    int parallel = OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS;
    try (Workspace workspace = WorkspaceFile.create(file);
        var server = new LoopbackChatServer(Integer.MAX_VALUE / 2, Duration.ZERO)) {
      TestSuite suite = LoopbackBench.storeSuite(workspace, document, overheadTurns);
      List<RouteRequest> requests = requests(document, suite);
      out.printf(
          Locale.ROOT,
          "%nOverhead: %d turns of %d cases, instant loopback server, --parallel %d, into %s%n",
          requests.size(),
          suite.cases().size(),
          parallel,
          file.getFileName());

      // Warm up the code paths measured below.
      for (int i = 0; i < Math.min(2000, requests.size()); i++) {
        RouterPromptBuilder.build(requests.get(i)).text();
      }
      long start = System.nanoTime();
      long promptChars = 0;
      for (RouteRequest request : requests) {
        promptChars += RouterPromptBuilder.build(request).text().length();
      }
      long promptNanos = System.nanoTime() - start;

      List<String> routes = requests.get(0).routes().stream().map(RouteOption::name).toList();
      start = System.nanoTime();
      for (RouteRequest request : requests) {
        RouterAnswerParser.read("{\"route\": \"code generation\"}", request.profile(), routes);
      }
      long parseNanos = System.nanoTime() - start;

      // Stored as `routebench test` stores a run: each answer committed within a second.
      start = System.nanoTime();
      RegressionRun run =
          run(server, document, suite, parallel, new StoringRunRecorder(workspace.runs()));
      long runNanos = System.nanoTime() - start;
      requireCompleted(run);

      int turns = run.results().size();
      out.printf(
          Locale.ROOT,
          "  prompt building     %7.1f µs/turn  (%.0f characters on average)%n",
          promptNanos / 1e3 / turns,
          (double) promptChars / turns);
      out.printf(Locale.ROOT, "  answer parsing      %7.1f µs/turn%n", parseNanos / 1e3 / turns);
      out.printf(
          Locale.ROOT,
          "  run, end to end     %7.1f µs/turn  (%.0f turns/s, every answer stored as it arrives;"
              + " includes the loopback server's own work on the same cores)%n",
          runNanos / 1e3 / turns,
          turns / (runNanos / 1e9));
      double perTurnMillis = runNanos / 1e6 / turns;
      out.printf(
          Locale.ROOT,
          "  total               %7.3f ms/turn  (target ≤ 2 ms: %s)%n",
          perTurnMillis,
          perTurnMillis <= 2 ? "met" : "missed");
    } finally {
      ScratchFolder.deleteWorkspace(file);
    }
  }

  static RegressionRun run(
      LoopbackChatServer server,
      PolicyDocument document,
      TestSuite suite,
      int parallel,
      RunRecorder recorder) {
    var settings =
        new OpenAiEndpointSettings(server.baseUrl(), LoopbackChatServer.MODEL, "")
            .withParallelRequests(parallel);
    try (var selector = new OpenAiEndpointRouteSelector(settings)) {
      return new RegressionRunner()
          .run(
              selector,
              document,
              suite,
              BatchProgressListener.NONE,
              CancellationToken.none(),
              recorder);
    }
  }

  static void requireCompleted(RegressionRun run) {
    if (run.status() != RunStatus.COMPLETED) {
      throw new IllegalStateException(
          "benchmark run " + run.status() + ": " + run.failureMessage());
    }
  }

  /** Generated multi-turn cases, the last one cut so the suite has exactly {@code turns}. */
  static TestSuite suiteOf(int turns, int salt) {
    var cases = new ArrayList<TestCase>();
    int counted = 0;
    for (TestCase testCase : SuiteImportBenchmark.generate(turns)) {
      if (counted >= turns) {
        break;
      }
      List<Integer> userTurns = testCase.userTurnIndexes();
      int left = turns - counted;
      if (userTurns.size() > left) {
        // Up to (not including) the first user turn that would be one too many.
        testCase =
            new TestCase(
                testCase.id(),
                testCase.name(),
                testCase.tags(),
                testCase.notes(),
                testCase.messages().subList(0, userTurns.get(left)));
      }
      cases.add(testCase);
      counted += Math.min(userTurns.size(), left);
    }
    return new TestSuite("bench-" + salt, "bench", "", cases);
  }

  /** The requests the runner sends, to time their prompts on their own. */
  private static List<RouteRequest> requests(PolicyDocument document, TestSuite suite) {
    List<RouteOption> routes = RouteOption.allOf(document);
    var requests = new ArrayList<RouteRequest>();
    for (TestCase testCase : suite.cases()) {
      for (int messageIndex : testCase.userTurnIndexes()) {
        requests.add(
            new RouteRequest(
                routes, testCase.conversation().upTo(messageIndex).messages(), document.profile()));
      }
    }
    return requests;
  }
}
