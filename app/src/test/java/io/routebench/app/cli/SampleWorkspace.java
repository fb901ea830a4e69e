package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Workspaces made the way a user makes them, with {@code routebench import}: the coding-assistant
 * sample's policies, and suites imported beside them. Each import is asserted to succeed.
 */
final class SampleWorkspace {

  private SampleWorkspace() {}

  /** {@code dir/w.routebench}, holding the coding-assistant sample's policies. */
  static Path withPolicies(Path dir) {
    Path workspace = dir.resolve("w.routebench");
    CliRun run =
        CliRun.of(
            "import",
            SamplePaths.policy("coding-assistant").toString(),
            "--workspace",
            workspace.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return workspace;
  }

  /**
   * The sample's policies and, as suite {@code smoke}, the first {@code cases} conversations of its
   * suite (written to {@code dir/small.jsonl} first).
   */
  static Path withSmokeSuite(Path dir, int cases) throws IOException {
    Path workspace = withPolicies(dir);
    Path suite = dir.resolve("small.jsonl");
    Files.write(
        suite,
        Files.readAllLines(SamplePaths.suite("coding-assistant")).stream()
            .filter(l -> !l.isBlank())
            .limit(cases)
            .toList());
    importSuite(workspace, suite, "smoke");
    return workspace;
  }

  /** Imports the JSONL {@code suite} into {@code workspace} as the suite {@code name}. */
  static void importSuite(Path workspace, Path suite, String name) {
    CliRun run =
        CliRun.of("import", suite.toString(), "--workspace", workspace.toString(), "--suite", name);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }
}
