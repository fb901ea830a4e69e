package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.routebench.storage.WorkspaceOpenException.Problem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that must not be opened, and must not be changed by the attempt. */
class WorkspaceOpenRefusalTest {

  @TempDir Path dir;

  @Test
  void a_text_file_is_not_a_workspace() throws IOException {
    Path file = dir.resolve("notes.routebench");
    Files.writeString(file, "name: not a database\n".repeat(20));

    assertRefusedUnchanged(file, Problem.NOT_SQLITE)
        .hasMessage(file + " is not a RouteBench workspace (not an SQLite database).");
  }

  @Test
  void an_empty_file_is_not_a_workspace() throws IOException {
    Path file = dir.resolve("empty.routebench");
    Files.createFile(file);

    assertRefusedUnchanged(file, Problem.NOT_SQLITE);
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void another_applications_database_is_refused() {
    Path file = dir.resolve("browser-history.sqlite");
    RawSqlite.execute(
        file,
        "CREATE TABLE visits (url TEXT, at INTEGER)",
        "INSERT INTO visits VALUES ('https://example.org', 1)");

    assertRefusedUnchanged(file, Problem.FOREIGN_DATABASE)
        .hasMessageStartingWith(
            file + " is not a RouteBench workspace (an SQLite database of another application).");
  }

  @Test
  void another_applications_database_in_wal_mode_with_its_own_ids_is_refused() {
    Path file = dir.resolve("other.db");
    RawSqlite.execute(
        file,
        "PRAGMA journal_mode = WAL",
        "PRAGMA application_id = 1234",
        "PRAGMA user_version = 1",
        "CREATE TABLE workspace (name TEXT)");

    assertRefusedUnchanged(file, Problem.FOREIGN_DATABASE);
  }

  @Test
  void a_workspace_from_a_newer_routebench_is_refused_naming_both_versions() {
    Path file = dir.resolve("future.routebench");
    WorkspaceFile.create(file).close();
    RawSqlite.execute(file, "PRAGMA user_version = 7", "CREATE TABLE added_in_v7 (x TEXT)");

    assertRefusedUnchanged(file, Problem.NEWER_VERSION)
        .hasMessage(
            file
                + " was saved by a newer RouteBench (workspace schema version 7; this RouteBench"
                + " supports up to version 6). Update RouteBench to open it; the file was not"
                + " changed.");
  }

  @Test
  void a_damaged_workspace_is_refused_with_an_excerpt_of_the_integrity_check() throws IOException {
    Path file = dir.resolve("damaged.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      var suite = workspace.suites().createSuite("big", "");
      workspace.suites().addCases(suite.id(), Samples.testCases("c", 300));
    }
    int pageSize = Integer.parseInt(RawSqlite.single(file, "PRAGMA page_size"));
    int casesRoot =
        Integer.parseInt(
            RawSqlite.single(file, "SELECT rootpage FROM sqlite_master WHERE name = 'cases'"));
    try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
      // An invalid b-tree page type at the root of the cases table.
      raw.seek((long) (casesRoot - 1) * pageSize);
      raw.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    }

    assertRefusedUnchanged(file, Problem.CORRUPTED)
        .hasMessageStartingWith(file + " is damaged and was not opened (SQLite integrity check: ")
        .hasMessageEndingWith("). The file was not changed; restore it from a backup.")
        .hasMessageContaining("page")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("*** in database main ***");
  }

  @Test
  void a_file_with_the_sqlite_header_but_garbage_after_it_is_reported_damaged() throws IOException {
    Path file = dir.resolve("garbage.routebench");
    Files.writeString(file, "SQLite format 3\0" + "x".repeat(5_000));

    assertRefusedUnchanged(file, Problem.CORRUPTED)
        .hasMessage(
            file
                + " is damaged and was not opened (SQLite integrity check: file is not a database)."
                + " The file was not changed; restore it from a backup.");
  }

  @Test
  void a_missing_file_is_reported_and_not_created() {
    Path file = dir.resolve("gone.routebench");

    assertThatThrownBy(() -> WorkspaceFile.open(file))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class, e -> assertThat(e.problem()).isEqualTo(Problem.MISSING))
        .hasMessage("Cannot open " + file + ": the file does not exist.");
    assertThat(file).doesNotExist();
  }

  @Test
  void a_folder_is_not_opened() {
    assertThatThrownBy(() -> WorkspaceFile.open(dir))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE))
        .hasMessage("Cannot open " + dir + ": it is a folder, not a workspace file.");
  }

  @Test
  void an_unreadable_file_is_reported_as_such() throws IOException {
    Path file = dir.resolve("locked.routebench");
    WorkspaceFile.create(file).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "permissions do not apply to this user (root?)");

    assertThatThrownBy(() -> WorkspaceFile.open(file))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE))
        .hasMessage("Cannot open " + file + ": permission denied.");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefusedUnchanged(
      Path file, Problem problem) {
    FileFingerprint.backdate(file);
    FileFingerprint before = FileFingerprint.of(file);

    var refusal =
        assertThatThrownBy(() -> WorkspaceFile.open(file))
            .isInstanceOfSatisfying(
                WorkspaceOpenException.class,
                e -> {
                  assertThat(e.problem()).isEqualTo(problem);
                  assertThat(e.file()).isEqualTo(file);
                });

    assertThat(FileFingerprint.of(file)).isEqualTo(before);
    return refusal;
  }
}
