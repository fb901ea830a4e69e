package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.storage.WorkspaceOpenException.Problem;
import io.routebench.storage.sqlite.WriteAheadLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file a stranger put beside a workspace never changes it, and a command that only reads leaves
 * the workspace and everything beside it byte for byte as it was (issue 16).
 */
class StrangerFilesTest {

  @TempDir Path dir;

  @Test
  void another_databases_write_ahead_log_beside_a_workspace_is_never_applied() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    Path other = dir.resolve("other.db");
    RawSqlite.execute(other, "CREATE TABLE notes (text TEXT)");
    placeLogOf(other, "INSERT INTO notes VALUES ('" + "x".repeat(5000) + "')", workspace);
    Map<Path, FileFingerprint> before = folder();

    for (Function<Path, Workspace> open :
        List.<Function<Path, Workspace>>of(WorkspaceFile::open, WorkspaceFile::openForReading)) {
      assertThatThrownBy(() -> open.apply(workspace).close())
          .isInstanceOfSatisfying(
              WorkspaceOpenException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.STRANGER_FILE))
          .hasMessageContaining("w.routebench-wal beside it is not its write-ahead log")
          .hasMessageContaining("does not use a write-ahead log")
          .hasMessageContaining("neither file was read or changed")
          .hasMessageContaining("Move w.routebench-wal out of this folder");
      assertThat(folder()).isEqualTo(before);
    }
  }

  @Test
  void the_log_of_a_sibling_copy_does_not_bring_that_copys_suite_into_the_workspace()
      throws Exception {
    Path workspace = workspaceWithSuite("mine");
    Path sibling = dir.resolve("sibling.routebench");
    Files.copy(workspace, sibling);
    placeLogOf(
        sibling,
        "INSERT INTO suites (id, name, description, created_at)"
            + " VALUES ('s2', 'theirs', '', '2026-01-01T00:00:00.000000000Z')",
        workspace);
    Map<Path, FileFingerprint> before = folder();

    assertThatThrownBy(() -> WorkspaceFile.openForReading(workspace))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.STRANGER_FILE));
    assertThat(folder()).isEqualTo(before);

    Files.delete(WriteAheadLog.of(workspace));
    try (Workspace reopened = WorkspaceFile.openForReading(workspace)) {
      assertThat(reopened.suites().listSuites())
          .extracting(SuiteSummary::name)
          .containsExactly("mine");
    }
  }

  @Test
  void reading_a_workspace_changes_no_byte_and_creates_no_file() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    Map<Path, FileFingerprint> before = folder();

    try (Workspace read = WorkspaceFile.openForReading(workspace)) {
      assertThat(read.isReadOnly()).isTrue();
      assertThat(read.suites().listSuites()).hasSize(1);
      assertThat(read.policies().load().name()).isEqualTo("w");
      assertThatThrownBy(() -> read.suites().createSuite("new", ""))
          .isInstanceOf(StorageException.class);
    }

    assertThat(folder()).isEqualTo(before);
  }

  @Test
  void reading_an_older_version_reads_an_upgraded_copy_and_leaves_the_file_as_it_was()
      throws Exception {
    Path workspace = dir.resolve("old.routebench");
    HistoricalWorkspaces.version1(workspace);
    Map<Path, FileFingerprint> before = folder();

    try (Workspace read = WorkspaceFile.openForReading(workspace)) {
      assertThat(read.schemaVersion()).isEqualTo(WorkspaceFile.SCHEMA_VERSION);
      assertThat(read.policies().load().name()).isEqualTo("Support bot");
      assertThat(read.suites().listSuites()).isNotEmpty();
    }

    assertThat(folder()).isEqualTo(before);
    assertThat(RawSqlite.single(workspace, "PRAGMA user_version")).isEqualTo("1");
  }

  @Test
  void an_older_routebench_workspace_in_wal_mode_is_read_with_its_own_log_changing_nothing()
      throws Exception {
    Path workspace = workspaceWithSuite("mine");
    holdInWalMode(
        workspace,
        "INSERT INTO suites (id, name, description, created_at)"
            + " VALUES ('s2', 'logged', '', '2026-01-01T00:00:00.000000000Z')");
    assertThat(WriteAheadLog.of(workspace)).exists();
    Map<Path, FileFingerprint> before = folder();

    try (Workspace read = WorkspaceFile.openForReading(workspace)) {
      assertThat(read.suites().listSuites())
          .extracting(SuiteSummary::name)
          .containsExactlyInAnyOrder("mine", "logged");
    }

    assertThat(folder()).isEqualTo(before);
  }

  @Test
  void editing_a_wal_mode_workspace_keeps_a_backup_beside_it_first_and_says_so() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    holdInWalMode(
        workspace,
        "INSERT INTO suites (id, name, description, created_at)"
            + " VALUES ('s2', 'logged', '', '2026-01-01T00:00:00.000000000Z')");
    byte[] file = Files.readAllBytes(workspace);
    byte[] log = Files.readAllBytes(WriteAheadLog.of(workspace));

    try (Workspace edited = WorkspaceFile.open(workspace)) {
      assertThat(edited.notices())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("w.routebench was kept in write-ahead-log mode by an older RouteBench")
          .contains("now uses a rollback journal")
          .contains("kept beside it as w.wal-backup.routebench")
          .contains("w.wal-backup.routebench-wal");
      assertThat(edited.suites().listSuites())
          .extracting(SuiteSummary::name)
          .containsExactlyInAnyOrder("mine", "logged");
    }

    assertThat(dir.resolve("w.wal-backup.routebench")).hasBinaryContent(file);
    assertThat(dir.resolve("w.wal-backup.routebench-wal")).hasBinaryContent(log);
    assertThat(WriteAheadLog.of(workspace)).doesNotExist();
    assertThat(RawSqlite.single(workspace, "PRAGMA journal_mode")).isEqualTo("delete");
  }

  @Test
  void a_wal_mode_workspace_with_the_log_of_another_database_is_refused() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    holdInWalMode(workspace, "UPDATE suites SET description = 'x'");
    Files.delete(WriteAheadLog.of(workspace));
    Path other = dir.resolve("other.db");
    RawSqlite.execute(other, "PRAGMA application_id = 7", "CREATE TABLE notes (text TEXT)");
    placeLogOf(other, "CREATE TABLE more_notes (text TEXT)", workspace);
    Map<Path, FileFingerprint> before = folder();

    assertThatThrownBy(() -> WorkspaceFile.open(workspace))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.STRANGER_FILE))
        .hasMessageContaining("first page of another database (application id 7");
    assertThat(folder()).isEqualTo(before);
  }

  @Test
  void a_device_behind_the_workspace_name_is_refused_without_reading_it() throws Exception {
    Path workspace = dir.resolve("zero.routebench");
    Files.createSymbolicLink(workspace, Path.of("/dev/zero"));

    assertThatThrownBy(() -> WorkspaceFile.openForReading(workspace))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE))
        .hasMessage(
            "Cannot open "
                + workspace
                + ": it is a character device, not a workspace file (reading a pipe or device"
                + " could block or never end).");
  }

  @Test
  void rows_pointing_at_a_deleted_domain_or_unreadable_json_refuse_every_open_naming_the_row()
      throws Exception {
    Path workspace = dir.resolve("w.routebench");
    try (Workspace created = WorkspaceFile.create(workspace)) {
      created.policies().save(Samples.fullDocument());
    }
    RawSqlite.execute(workspace, "UPDATE targets SET extras_json = '{' WHERE position = 0");
    Map<Path, FileFingerprint> before = folder();

    for (Function<Path, Workspace> open :
        List.<Function<Path, Workspace>>of(WorkspaceFile::open, WorkspaceFile::openForReading)) {
      assertThatThrownBy(() -> open.apply(workspace).close())
          .isInstanceOfSatisfying(
              WorkspaceOpenException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.DAMAGED_ROWS))
          .hasMessageContaining(
              "targets row at position 0 (model \"openai/gpt-4o\"): extras_json is not a JSON"
                  + " object");
      assertThat(folder()).isEqualTo(before);
    }

    RawSqlite.execute(
        workspace,
        "UPDATE targets SET extras_json = '{}'",
        "PRAGMA foreign_keys = OFF",
        "DELETE FROM domains WHERE id = 'd-coding'");

    assertThatThrownBy(() -> WorkspaceFile.openForReading(workspace))
        .hasMessageContaining(
            "actions row id a-generation (\"code generation\") belongs to a domain that does not"
                + " exist");
  }

  @Test
  void validate_finds_damaged_case_rows_that_opening_does_not_read() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    try (Workspace created = WorkspaceFile.open(workspace)) {
      TestSuite suite = created.suites().findSuiteByName("mine").orElseThrow();
      created.suites().addCases(suite.id(), Samples.testCases("c", 2));
    }
    RawSqlite.execute(workspace, "UPDATE cases SET messages_json = '[' WHERE id = 'c-0'");

    try (Workspace read = WorkspaceFile.openForReading(workspace)) {
      assertThat(read.damagedRows())
          .containsExactly(
              "cases row id c-0 (\"c case 0\"): messages_json is not a JSON list of messages");
    }
  }

  private Path workspaceWithSuite(String suite) {
    Path file = dir.resolve("w.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.suites().createSuite(suite, "");
    }
    return file;
  }

  /**
   * Runs {@code change} on {@code database} in write-ahead-log mode and copies the log it leaves
   * (before any checkpoint) beside {@code target}.
   */
  private static void placeLogOf(Path database, String change, Path target) throws Exception {
    try (Connection connection = walConnection(database)) {
      RawSqlite.execute(connection, change);
      Files.copy(WriteAheadLog.of(database), WriteAheadLog.of(target));
    }
  }

  /**
   * Puts {@code workspace} in write-ahead-log mode as an older RouteBench did and leaves {@code
   * change} in its log, as a crash would.
   */
  private static void holdInWalMode(Path workspace, String change) throws Exception {
    Path keep = workspace.resolveSibling("kept-log");
    try (Connection connection = walConnection(workspace)) {
      RawSqlite.execute(connection, change);
      Files.copy(WriteAheadLog.of(workspace), keep);
    }
    // Closing checkpointed and deleted the log; put it back as the crash left it.
    Files.move(keep, WriteAheadLog.of(workspace));
    Files.deleteIfExists(workspace.resolveSibling(workspace.getFileName() + "-shm"));
  }

  private static Connection walConnection(Path database) throws SQLException {
    Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath().toUri());
    RawSqlite.execute(connection, "PRAGMA journal_mode = WAL");
    RawSqlite.execute(connection, "PRAGMA wal_autocheckpoint = 0");
    return connection;
  }

  /** Every file in the folder with its fingerprint: nothing added, removed or changed. */
  private Map<Path, FileFingerprint> folder() {
    return FileFingerprint.ofFolder(dir);
  }
}
