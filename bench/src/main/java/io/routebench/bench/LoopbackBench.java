package io.routebench.bench;

import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the benchmarks that run a generated suite against a loopback server imitating a batching
 * engine ({@code remote}, {@code window-run}) share: the engine's options, and the scratch
 * workspace every answer is stored into.
 */
final class LoopbackBench {

  @Option(
      names = "--capacity",
      defaultValue = "8",
      description = "requests the imitated engine works on at once (default: ${DEFAULT-VALUE})")
  int capacity;

  @Option(
      names = "--latency-ms",
      defaultValue = "50",
      description = "how long each request takes it (default: ${DEFAULT-VALUE})")
  int latencyMillis;

  @Mixin ScratchFolder scratch;

  /** A new workspace file's name in {@code --dir}, or in a new temporary folder. */
  Path newWorkspaceFile(String prefix) throws IOException {
    return scratch.folder().resolve(prefix + UUID.randomUUID() + WorkspaceFile.EXTENSION);
  }

  /** Stores the policies and a generated suite of {@code turns}; the suite as stored. */
  static TestSuite storeSuite(Workspace workspace, PolicyDocument document, int turns) {
    workspace.policies().save(document);
    TestSuite generated = RemoteRouterBenchmark.suiteOf(turns, 0);
    TestSuite created = workspace.suites().createSuite("bench", "generated");
    workspace.suites().addCases(created.id(), generated.cases());
    return workspace.suites().findSuite(created.id()).orElseThrow();
  }
}
