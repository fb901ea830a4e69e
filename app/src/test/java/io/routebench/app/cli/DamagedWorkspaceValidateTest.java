package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate reads every part of a workspace, so a damaged one is never called valid. */
class DamagedWorkspaceValidateTest {

  @TempDir Path dir;

  @Test
  void a_workspace_missing_its_runs_table_is_invalid_and_says_which_part() throws Exception {
    Path workspace = workspaceWithSuite();
    assertThat(CliRun.of("validate", workspace.toString()).exitCode()).isZero();
    drop(workspace, "runs");

    CliRun run = CliRun.of("validate", workspace.toString());

    // A damaged workspace cannot be checked: "could not run", not "the check failed".
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("w.routebench: error: the runs of suite \"coding\" cannot be read: ")
        .contains("runs")
        .contains("w.routebench: invalid (the workspace is damaged: 1 part cannot be read;");
    assertThat(run.out()).doesNotContain("valid (");
  }

  @Test
  void a_workspace_missing_its_case_tags_is_invalid() throws Exception {
    Path workspace = workspaceWithSuite();
    drop(workspace, "case_tags");

    CliRun run = CliRun.of("validate", workspace.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("suite \"coding\" cannot be read: ");
  }

  private Path workspaceWithSuite() {
    Path workspace = SampleWorkspace.withPolicies(dir);
    SampleWorkspace.importSuite(workspace, SamplePaths.suite("coding-assistant"), "coding");
    return workspace;
  }

  private static void drop(Path workspace, String table) throws Exception {
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + workspace);
        var statement = connection.createStatement()) {
      statement.execute("PRAGMA foreign_keys = OFF");
      statement.execute("DROP TABLE " + table);
    }
  }
}
