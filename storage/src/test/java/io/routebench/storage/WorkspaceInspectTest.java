package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.storage.WorkspaceOpenException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceInspectTest {

  @TempDir Path dir;

  @Test
  void a_fresh_workspace_is_up_to_date() {
    Path file = dir.resolve("w.routebench");
    WorkspaceFile.create(file).close();

    assertThat(inspectUnchanged(file))
        .extracting(WorkspaceInspection::status, WorkspaceInspection::schemaVersion)
        .containsExactly(WorkspaceStatus.UP_TO_DATE, 5);
  }

  @Test
  void a_version_1_workspace_needs_an_update_and_says_older_versions_lose_it() {
    Path file = dir.resolve("v1.routebench");
    HistoricalWorkspaces.version1(file);

    WorkspaceInspection inspection = inspectUnchanged(file);

    assertThat(inspection.status()).isEqualTo(WorkspaceStatus.UPDATE_REQUIRED);
    assertThat(inspection.schemaVersion()).isEqualTo(1);
    assertThat(inspection.detail())
        .isEqualTo(
            file
                + " is a workspace of schema version 1; opening it upgrades it to version 5,"
                + " after which older RouteBench versions cannot open it.");
  }

  @Test
  void a_workspace_from_a_newer_routebench_is_incompatible() {
    Path file = dir.resolve("future.routebench");
    WorkspaceFile.create(file).close();
    RawSqlite.execute(file, "PRAGMA user_version = 7");

    WorkspaceInspection inspection = inspectUnchanged(file);

    assertThat(inspection.status()).isEqualTo(WorkspaceStatus.INCOMPATIBLE);
    assertThat(inspection.schemaVersion()).isEqualTo(7);
    assertThat(inspection.detail()).contains("schema version 7", "up to version 5");
  }

  @Test
  void text_files_and_other_databases_are_not_workspaces() throws IOException {
    Path text = dir.resolve("readme.routebench");
    Files.writeString(text, "hello");
    Path foreign = dir.resolve("other.db");
    RawSqlite.execute(foreign, "CREATE TABLE t (x)");

    assertThat(inspectUnchanged(text).status()).isEqualTo(WorkspaceStatus.NOT_A_WORKSPACE);
    assertThat(inspectUnchanged(foreign))
        .extracting(WorkspaceInspection::status, WorkspaceInspection::detail)
        .containsExactly(
            WorkspaceStatus.NOT_A_WORKSPACE,
            foreign
                + " is not a RouteBench workspace (an SQLite database of another application)."
                + " It was not changed.");
  }

  @Test
  void a_missing_file_cannot_be_inspected() {
    Path file = dir.resolve("nothing.routebench");

    assertThatThrownBy(() -> WorkspaceFile.inspect(file))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class, e -> assertThat(e.problem()).isEqualTo(Problem.MISSING));
    assertThat(file).doesNotExist();
  }

  private static WorkspaceInspection inspectUnchanged(Path file) {
    FileFingerprint.backdate(file);
    FileFingerprint before = FileFingerprint.of(file);
    WorkspaceInspection inspection = WorkspaceFile.inspect(file);
    assertThat(FileFingerprint.of(file)).isEqualTo(before);
    assertThat(inspection.file()).isEqualTo(file);
    return inspection;
  }
}
