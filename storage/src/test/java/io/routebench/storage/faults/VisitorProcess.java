package io.routebench.storage.faults;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.suite.TestSuite;
import io.routebench.storage.Samples;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Run in a separate JVM: what a headless command does to a workspace another program has open —
 * opens it, reads the policies and suites, records a run, and closes it — then prints the policy
 * document's name as it read it.
 */
public final class VisitorProcess {

  private VisitorProcess() {}

  public static void main(String[] args) {
    try (Workspace workspace = WorkspaceFile.open(Path.of(args[0]))) {
      String name = workspace.policies().load().name();
      TestSuite suite =
          workspace
              .suites()
              .findSuiteByName("visits")
              .orElseGet(() -> workspace.suites().createSuite("visits", ""));
      RegressionRun run = Samples.run(UUID.randomUUID().toString(), suite.id(), Instant.now(), 2);
      workspace.runs().save(run);
      System.out.println("NAME " + name);
    }
  }
}
