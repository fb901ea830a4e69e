package io.routebench.storage;

import io.routebench.core.suite.TestSuite;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a separate JVM by {@link WorkspaceDurabilityTest}: writes through a workspace, then dies
 * without closing it, flushing or running shutdown hooks, the way a crash or a killed process does.
 */
public final class CrashingWriter {

  static final int EXIT_CODE = 77;

  private CrashingWriter() {}

  public static void main(String[] args) {
    Workspace workspace = WorkspaceFile.create(Path.of(args[0]));
    workspace.policies().save(Samples.fullDocument());
    TestSuite suite = workspace.suites().createSuite("written before the crash", "");
    workspace.suites().addCases(suite.id(), Samples.testCases("c", 50));
    workspace
        .runs()
        .save(Samples.run("run-1", suite.id(), Instant.parse("2025-05-01T10:00:00Z"), 3));
    Runtime.getRuntime().halt(EXIT_CODE);
  }
}
