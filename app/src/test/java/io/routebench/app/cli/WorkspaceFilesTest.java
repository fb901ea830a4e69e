package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling a workspace from a policy file says what really happened when the file is unreadable. */
class WorkspaceFilesTest {

  @TempDir Path dir;

  @Test
  void a_yaml_file_is_no_workspace_and_an_sqlite_file_is_one() throws Exception {
    Path yaml = Files.writeString(dir.resolve("policies.yaml"), "version: v0.3.0\n");
    Path sqlite = Files.write(dir.resolve("copy.db"), "SQLite format 3\0rest".getBytes("UTF-8"));

    assertThat(WorkspaceFiles.isWorkspace(yaml)).isFalse();
    assertThat(WorkspaceFiles.isWorkspace(sqlite)).isTrue();
  }

  @Test
  void a_folder_is_reported_as_a_folder_not_as_no_workspace() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("configs"));

    assertThatThrownBy(() -> WorkspaceFiles.isWorkspace(folder))
        .isInstanceOf(CliFailure.class)
        .hasMessageStartingWith(folder + " is a folder, not a regular file");
  }

  @Test
  void a_missing_file_is_reported_as_missing() {
    Path missing = dir.resolve("gone.yaml");

    assertThatThrownBy(() -> WorkspaceFiles.isWorkspace(missing))
        .isInstanceOf(CliFailure.class)
        .hasMessage(missing + ": no such file");
  }
}
