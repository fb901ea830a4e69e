package io.routebench.bench;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.workspace.SamplePolicies;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.StoringRunRecorder;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.remote.LoopbackChatServer;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "window-run",
    mixinStandardHelpOptions = true,
    description =
        "A suite run from the window against a served router beside the same run from the"
            + " command line (routebench test --endpoint --parallel N), and the window's run as it"
            + " was before it handed served routers the whole run (4 turns per engine task):"
            + " turns/s against a loopback server imitating a batching engine, every answer stored"
            + " into a workspace file, in rounds that run the three one after another.")
final class WindowRunBenchmark implements Callable<Integer> {

  /** The three ways a suite is run, measured one after another in each round. */
  enum Way {
    CLI,
    WINDOW,
    WINDOW_BEFORE
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--turns",
      defaultValue = "240",
      description = "user turns of the suite (default: ${DEFAULT-VALUE})")
  int turns;

  @Option(
      names = "--parallel",
      split = ",",
      defaultValue = "1,4,8",
      paramLabel = "N",
      description = "requests in flight, CLI --parallel and Connect… alike (default: 1,4,8)")
  int[] parallel;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "rounds; the figures are their medians (default: ${DEFAULT-VALUE})")
  int rounds;

  @Mixin LoopbackBench bench;

  /** One run: how fast, and the most requests the server saw at once meanwhile. */
  private record Measured(double turnsPerSecond, int mostAtOnce) {}

  @Override
  public Integer call() throws IOException {
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    PolicyDocument document = SamplePolicies.load(SamplePolicies.CODING_ASSISTANT);
    Path file = bench.newWorkspaceFile("window-bench-");
    out.printf(
        Locale.ROOT,
        "%s, %d cores, Java %s, load average %.1f at the start%n",
        System.getProperty("os.name"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        loadAverage());
    try (Workspace workspace = WorkspaceFile.create(file);
        var server =
            new LoopbackChatServer(bench.capacity, Duration.ofMillis(bench.latencyMillis));
        var window = new WindowRun(serverOnly(), workspace.runs(), document);
        var windowBefore =
            new WindowRun(TreatedAsLocalModel.connecting(), workspace.runs(), document)) {
      TestSuite suite = LoopbackBench.storeSuite(workspace, document, turns);
      out.printf(
          Locale.ROOT,
          "Imitated engine: %d ms per request, %d at once. Suite: %d turns of %d cases, every"
              + " answer stored into %s as it arrives.%n",
          bench.latencyMillis,
          bench.capacity,
          turns,
          suite.cases().size(),
          file.getFileName());

      Map<Way, Runner> ways = new EnumMap<>(Way.class);
      ways.put(
          Way.CLI,
          p ->
              RemoteRouterBenchmark.run(
                  server, document, suite, p, new StoringRunRecorder(workspace.runs())));
      // The windows run with the parallel setting they were connected with.
      ways.put(Way.WINDOW, p -> window.run(suite));
      ways.put(Way.WINDOW_BEFORE, p -> windowBefore.run(suite));

      // Connections, the JIT and SQLite's page cache warm up on one round that is not reported.
      int most = Arrays.stream(parallel).max().orElseThrow();
      connect(server, most, window, windowBefore);
      measure(server, ways, most, 0);
      var results = new ArrayList<Map<Integer, Map<Way, Measured>>>();
      for (int round = 0; round < rounds; round++) {
        var thisRound = new LinkedHashMap<Integer, Map<Way, Measured>>();
        for (int p : parallel) {
          connect(server, p, window, windowBefore);
          thisRound.put(p, measure(server, ways, p, round));
        }
        results.add(thisRound);
      }
      print(out, results);
      out.printf(Locale.ROOT, "Load average %.1f at the end.%n", loadAverage());
    } finally {
      ScratchFolder.deleteWorkspace(file);
    }
    return 0;
  }

  private void checkOptions() {
    require(turns >= 1, "--turns must be at least 1");
    require(rounds >= 1, "--rounds must be at least 1");
    require(bench.capacity >= 1, "--capacity must be at least 1");
    require(bench.latencyMillis >= 0, "--latency-ms cannot be negative");
    int most = OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS;
    require(
        Arrays.stream(parallel).allMatch(p -> p >= 1 && p <= most),
        "--parallel takes 1 to " + most);
  }

  private void require(boolean met, String problem) {
    if (!met) {
      throw new ParameterException(spec.commandLine(), problem);
    }
  }

  /** Runs the suite one way, timed from the start to the run stored. */
  @FunctionalInterface
  private interface Runner {
    RegressionRun run(int parallel);
  }

  /** Connect… with the parallel setting: what a user does once before Run, so not timed. */
  private static void connect(LoopbackChatServer server, int parallel, WindowRun... windows) {
    var endpoint =
        new OpenAiEndpointSettings(server.baseUrl(), LoopbackChatServer.MODEL, "")
            .withParallelRequests(parallel);
    for (WindowRun window : windows) {
      window.connect(endpoint);
    }
  }

  /**
   * The three ways at one parallel setting, back to back so that they share the machine's load; who
   * goes first turns with the round.
   */
  private Map<Way, Measured> measure(
      LoopbackChatServer server, Map<Way, Runner> ways, int parallel, int round) {
    Way[] all = Way.values();
    Map<Way, Measured> measured = new EnumMap<>(Way.class);
    for (int i = 0; i < all.length; i++) {
      Way way = all[(i + round) % all.length];
      server.takeMostWorking();
      long start = System.nanoTime();
      RegressionRun run = ways.get(way).run(parallel);
      double seconds = (System.nanoTime() - start) / 1e9;
      RemoteRouterBenchmark.requireCompleted(run);
      if (run.results().size() != turns) {
        throw new IllegalStateException(
            way + " answered " + run.results().size() + " of " + turns + " turns");
      }
      measured.put(way, new Measured(turns / seconds, server.takeMostWorking()));
    }
    return measured;
  }

  private void print(PrintWriter out, List<Map<Integer, Map<Way, Measured>>> results) {
    out.printf(
        Locale.ROOT,
        "Rounds: %d. In each, for each parallel setting, the CLI's run, the window's and the"
            + " window's as before follow each other. Medians in turns/s; the ratios are measured"
            + " within each round:%n",
        rounds);
    out.printf(
        Locale.ROOT,
        "%8s %6s %7s %7s %11s %-11s %7s %11s   %s%n",
        "parallel",
        "bound",
        "CLI",
        "window",
        "window/CLI",
        "(range)",
        "before",
        "before/CLI",
        "most at once: CLI/window/before");
    for (int p : parallel) {
      List<Map<Way, Measured>> atP = results.stream().map(round -> round.get(p)).toList();
      double[] windowRatios = ratios(atP, Way.WINDOW);
      out.printf(
          Locale.ROOT,
          "%8d %6.0f %7.1f %7.1f %11.2f %-11s %7.1f %11.2f   %d/%d/%d%n",
          p,
          Math.min(p, bench.capacity) * 1000.0 / bench.latencyMillis,
          median(atP, Way.CLI),
          median(atP, Way.WINDOW),
          median(windowRatios),
          String.format(
              Locale.ROOT,
              "(%.2f-%.2f)",
              Arrays.stream(windowRatios).min().orElseThrow(),
              Arrays.stream(windowRatios).max().orElseThrow()),
          median(atP, Way.WINDOW_BEFORE),
          median(ratios(atP, Way.WINDOW_BEFORE)),
          mostAtOnce(atP, Way.CLI),
          mostAtOnce(atP, Way.WINDOW),
          mostAtOnce(atP, Way.WINDOW_BEFORE));
    }
  }

  private static int mostAtOnce(List<Map<Way, Measured>> rounds, Way way) {
    return rounds.stream().mapToInt(m -> m.get(way).mostAtOnce()).max().orElseThrow();
  }

  private static double[] ratios(List<Map<Way, Measured>> rounds, Way way) {
    return rounds.stream()
        .mapToDouble(m -> m.get(way).turnsPerSecond() / m.get(Way.CLI).turnsPerSecond())
        .toArray();
  }

  private static double median(List<Map<Way, Measured>> rounds, Way way) {
    return median(rounds.stream().mapToDouble(m -> m.get(way).turnsPerSecond()).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Connect… only: the benchmark never opens a model file. */
  private static LocalRouter.Loader serverOnly() {
    return model -> {
      throw new UnsupportedOperationException("the benchmark connects to a server only");
    };
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
