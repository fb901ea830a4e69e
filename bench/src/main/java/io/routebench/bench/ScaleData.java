package io.routebench.bench;

import io.routebench.core.suite.jsonl.SuiteJsonlWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the inputs of the scale benchmark ({@code bench/scale-benchmark.sh}): a proxy config with
 * many routes, the small config its suite's expected routes come from, a large JSONL suite and a
 * one-message conversation. Deterministic, so figures from different runs compare.
 */
@Command(
    name = "scale-data",
    mixinStandardHelpOptions = true,
    description =
        "Writes the scale benchmark's inputs: routes-N.yaml (an archgw config with N routes),"
            + " suite-routes.yaml, cases-N.jsonl and messages.json (see bench/scale-benchmark.sh).")
final class ScaleData implements Callable<Integer> {

  private static final int ROUTES_PER_PROVIDER = 100;
  private static final String[] WORDS = {
    "code",
    "debug",
    "review",
    "summarize",
    "translate",
    "plan",
    "travel",
    "budget",
    "invoice",
    "legal",
    "contract",
    "email",
    "marketing",
    "sql",
    "query",
    "python",
    "java",
    "rust",
    "cloud",
    "deploy",
    "test",
    "security",
    "audit"
  };

  @Spec CommandSpec spec;

  @Option(names = "--routes", defaultValue = "20000", description = "routes in the config")
  int routes;

  @Option(names = "--cases", defaultValue = "100000", description = "conversations in the suite")
  int cases;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "where to write")
  Path dir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(dir);
    Path config = dir.resolve("routes-" + routes + ".yaml");
    Files.writeString(config, config(routes));
    Files.writeString(dir.resolve("suite-routes.yaml"), suiteRoutes());
    Files.writeString(
        dir.resolve("messages.json"),
        "[{\"role\": \"user\", \"content\": \"Why does my Java service crash on start?\"}]");
    Path suite = dir.resolve("cases-" + cases + ".jsonl");
    try (Writer writer = Files.newBufferedWriter(suite)) {
      SuiteJsonlWriter.write(SuiteImportBenchmark.generate(cases), writer);
    }
    out.printf(
        Locale.ROOT,
        "%s: %d routes, %.1f MB%n%s: %d conversations, %.1f MB%n",
        config,
        routes,
        Files.size(config) / 1e6,
        suite,
        cases,
        Files.size(suite) / 1e6);
    return 0;
  }

  /** An archgw config: providers of a hundred routes each, every route a distinct description. */
  static String config(int routes) {
    var random = new SplittableRandom(2026);
    var yaml =
        new StringBuilder(
            "version: v0.3.0\nlisteners:\n  egress_traffic:\n    port: 12000\nmodel_providers:\n");
    for (int route = 0; route < routes; route++) {
      if (route % ROUTES_PER_PROVIDER == 0) {
        int provider = route / ROUTES_PER_PROVIDER;
        yaml.append("  - name: team").append(provider).append('\n');
        yaml.append("    model: openai/model-").append(provider).append('\n');
        yaml.append("    access_key: $OPENAI_API_KEY\n");
        if (provider == 0) {
          yaml.append("    default: true\n");
        }
        yaml.append("    routing_preferences:\n");
      }
      yaml.append("      - name: r").append(route).append(' ').append(word(random)).append('\n');
      yaml.append("        description: requests about");
      for (int w = 0; w < 3; w++) {
        yaml.append(' ').append(word(random));
      }
      yaml.append(", case ").append(route).append('\n');
    }
    return yaml.toString();
  }

  /** The routes {@link SuiteImportBenchmark#generate} expects. */
  private static String suiteRoutes() {
    var yaml =
        new StringBuilder(
            "version: v0.3.0\nmodel_providers:\n  - model: openai/gpt-4o\n"
                + "    access_key: $OPENAI_API_KEY\n    default: true\n"
                + "    routing_preferences:\n");
    for (String route :
        new String[] {
          "code generation",
          "debugging",
          "summarization",
          "trip planning",
          "code review",
          "translation"
        }) {
      yaml.append("      - name: ").append(route).append('\n');
      yaml.append("        description: requests about ").append(route).append('\n');
    }
    return yaml.toString();
  }

  private static String word(SplittableRandom random) {
    return WORDS[random.nextInt(WORDS.length)];
  }
}
