package io.routebench.storage.bench;

import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures how long a large suite takes to import into a workspace and to load back: the two
 * operations a user waits for. Works in a scratch workspace that it deletes afterwards.
 */
public final class SuiteStorageBenchmark {

  private static final long SEED = 20_240_611L;

  private SuiteStorageBenchmark() {}

  /**
   * What one benchmark run measured.
   *
   * @param fileBytes the workspace file's size once closed
   * @param addCasesMillis one {@code addCases} call storing every case
   * @param loadMillis one {@code findSuite} call loading them all back
   */
  public record Report(
      int cases, int messages, long fileBytes, long addCasesMillis, long loadMillis) {

    /** One line for a terminal. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%d cases (%d messages): stored in %d ms, loaded in %d ms; workspace file %.1f MiB",
          cases,
          messages,
          addCasesMillis,
          loadMillis,
          fileBytes / (1024.0 * 1024.0));
    }
  }

  /**
   * Generates {@code cases} realistic test cases in memory, stores them in a new workspace in
   * {@code dir}, loads them back and deletes the workspace.
   *
   * @throws IllegalStateException if the cases loaded back differ from those stored
   */
  public static Report run(Path dir, int cases) {
    if (cases < 1) {
      throw new IllegalArgumentException("the benchmark needs at least one case");
    }
    List<TestCase> generated = SyntheticCases.generate(cases, SEED);
    int messages = generated.stream().mapToInt(c -> c.messages().size()).sum();
    Path file = dir.resolve("suite-benchmark-" + UUID.randomUUID() + WorkspaceFile.EXTENSION);
    try {
      long addMillis;
      long loadMillis;
      try (Workspace workspace = WorkspaceFile.create(file)) {
        TestSuite suite = workspace.suites().createSuite("benchmark", "generated cases");
        long start = System.nanoTime();
        workspace.suites().addCases(suite.id(), generated);
        addMillis = millisSince(start);
        start = System.nanoTime();
        TestSuite loaded = workspace.suites().findSuite(suite.id()).orElseThrow();
        loadMillis = millisSince(start);
        if (!loaded.cases().equals(generated)) {
          throw new IllegalStateException("the cases loaded back differ from those stored");
        }
      }
      return new Report(cases, messages, Files.size(file), addMillis, loadMillis);
    } catch (IOException e) {
      throw new UncheckedIOException("could not measure " + file, e);
    } finally {
      deleteScratch(file);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void deleteScratch(Path file) {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      } catch (IOException e) {
        // A leftover scratch file is harmless and must not hide the benchmark's own result.
      }
    }
  }
}
