package io.routebench.bench;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.jsonl.SuiteJsonlReader;
import io.routebench.core.suite.jsonl.SuiteJsonlResult;
import io.routebench.core.suite.jsonl.SuiteJsonlWriter;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "suite-import",
    mixinStandardHelpOptions = true,
    description =
        "Times importing a large JSONL suite into a new workspace: parsing, storing, loading.")
final class SuiteImportBenchmark implements Callable<Integer> {

  private static final String[] OPENERS = {
    "Write a Python function that", "Why does my Java service",
        "Summarise this quarterly report about",
    "Plan a three-day trip to", "Review this pull request that",
        "Translate into German the note about"
  };
  private static final String[] TOPICS = {
    "deduplicates customer records", "throws a NullPointerException on startup",
        "cloud spending in Europe",
    "Lisbon with two children", "changes the retry policy", "the office move next month"
  };
  private static final String[] ROUTES = {
    "code generation", "debugging", "summarization", "trip planning", "code review", "translation"
  };

  @Spec CommandSpec spec;

  @Option(
      names = "--cases",
      defaultValue = "20000",
      description = "conversations to import (default: ${DEFAULT-VALUE})")
  int cases;

  @Mixin ScratchFolder scratch;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = scratch.folder();
    Path jsonl = folder.resolve("generated.suite.jsonl");
    Path workspaceFile = folder.resolve("bench-" + UUID.randomUUID() + ".routebench");
    try (Writer writer = Files.newBufferedWriter(jsonl)) {
      SuiteJsonlWriter.write(generate(cases), writer);
    }
    out.printf(Locale.ROOT, "%d conversations, %.1f MB of JSONL%n", cases, Files.size(jsonl) / 1e6);

    long start = System.nanoTime();
    SuiteJsonlResult parsed = SuiteJsonlReader.read(jsonl);
    long parsed_ns = System.nanoTime() - start;
    if (parsed.hasErrors()) {
      throw new IllegalStateException("generated JSONL did not parse: " + parsed.errors().get(0));
    }
    long stored_ns;
    long loaded_ns;
    int loadedCases;
    try (Workspace workspace = WorkspaceFile.create(workspaceFile)) {
      start = System.nanoTime();
      TestSuite suite = workspace.suites().createSuite("bench", "generated");
      workspace.suites().addCases(suite.id(), parsed.cases());
      stored_ns = System.nanoTime() - start;
      start = System.nanoTime();
      loadedCases = workspace.suites().findSuite(suite.id()).orElseThrow().cases().size();
      loaded_ns = System.nanoTime() - start;
    }
    out.printf(Locale.ROOT, "parse JSONL      %7.0f ms%n", parsed_ns / 1e6);
    out.printf(Locale.ROOT, "store (1 txn)    %7.0f ms%n", stored_ns / 1e6);
    out.printf(
        Locale.ROOT,
        "import total     %7.0f ms  (%.0f conversations/s)%n",
        (parsed_ns + stored_ns) / 1e6,
        cases / ((parsed_ns + stored_ns) / 1e9));
    out.printf(
        Locale.ROOT, "load suite back  %7.0f ms  (%d cases)%n", loaded_ns / 1e6, loadedCases);
    ScratchFolder.deleteWorkspace(workspaceFile);
    Files.deleteIfExists(jsonl);
    return 0;
  }

  /** Realistic multi-turn conversations (2 to 4 user turns, topic shifts, pleasantries). */
  static List<TestCase> generate(int count) {
    var random = new SplittableRandom(2026);
    var generated = new ArrayList<TestCase>(count);
    for (int i = 0; i < count; i++) {
      var messages = new ArrayList<CaseMessage>();
      int turns = 2 + random.nextInt(3);
      for (int t = 0; t < turns; t++) {
        int topic = random.nextInt(OPENERS.length);
        if (t == turns - 1 && random.nextInt(4) == 0) {
          messages.add(CaseMessage.user("Thanks, that's all for now!", "other"));
        } else {
          messages.add(
              CaseMessage.user(
                  OPENERS[topic] + " " + TOPICS[topic] + " (case " + i + ", turn " + t + ")?",
                  ROUTES[topic]));
          messages.add(
              CaseMessage.assistant(
                  "Here is a detailed answer about "
                      + TOPICS[topic]
                      + ", step by step, with examples and caveats."));
        }
      }
      generated.add(
          new TestCase(
              UUID.randomUUID().toString(),
              "conversation " + i,
              List.of("generated"),
              "",
              messages));
    }
    return generated;
  }
}
