package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.storage.WorkspaceOpenException.Problem;
import io.routebench.storage.sqlite.RollbackJournal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hot {@code -journal} that a stranger put beside a workspace is never rolled back into it
 * (SQLite's "How To Corrupt", 2.3), while the workspace's own, left by a crash, is (issue 16). The
 * journals are SQLite's own: taken from a real transaction in the middle, as a crash leaves them.
 */
class StrangerJournalTest {

  /** About 3 MB: more than a 10-page cache holds, so SQLite syncs its journal and spills. */
  private static final String BIG_CHANGE =
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
          + " INSERT INTO filler (text) SELECT hex(randomblob(500)) FROM n";

  @TempDir Path dir;

  @Test
  void the_hot_journal_of_another_database_is_never_rolled_back_into_a_workspace()
      throws Exception {
    Path workspace = workspaceWithSuite("mine");
    Path other = dir.resolve("other.db");
    RawSqlite.execute(other, "CREATE TABLE filler (text TEXT)");
    placeHotJournalOf(other, BIG_CHANGE, workspace);
    Map<Path, FileFingerprint> before = folder();

    for (Function<Path, Workspace> open :
        List.<Function<Path, Workspace>>of(WorkspaceFile::open, WorkspaceFile::openForReading)) {
      assertThatThrownBy(() -> open.apply(workspace).close())
          .isInstanceOfSatisfying(
              WorkspaceOpenException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.STRANGER_FILE))
          .hasMessageContaining("w.routebench-journal beside it is not its rollback journal")
          .hasMessageContaining("first page of another database")
          .hasMessageContaining("neither file was read or changed")
          .hasMessageContaining("Move w.routebench-journal out of this folder");
      assertThat(folder()).isEqualTo(before);
    }
  }

  @Test
  void the_hot_journal_of_a_copy_that_went_its_own_way_is_refused() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    RawSqlite.execute(workspace, "CREATE TABLE filler (text TEXT)");
    Path sibling = dir.resolve("sibling.routebench");
    Files.copy(workspace, sibling);
    try (Workspace edited = WorkspaceFile.open(workspace)) {
      edited.suites().createSuite("second", "");
      edited.suites().createSuite("third", "");
    }
    placeHotJournalOf(sibling, BIG_CHANGE, workspace);
    Map<Path, FileFingerprint> before = folder();

    assertThatThrownBy(() -> WorkspaceFile.open(workspace).close())
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.STRANGER_FILE))
        .hasMessageContaining("it may come from another copy of the workspace");
    assertThat(folder()).isEqualTo(before);

    Files.delete(RollbackJournal.of(workspace));
    try (Workspace reopened = WorkspaceFile.open(workspace)) {
      assertThat(reopened.suites().listSuites())
          .extracting(SuiteSummary::name)
          .containsExactlyInAnyOrder("mine", "second", "third");
    }
  }

  @Test
  void the_workspaces_own_hot_journal_is_rolled_back_by_the_next_writer() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    RawSqlite.execute(workspace, "CREATE TABLE filler (text TEXT)");
    Path crashed = dir.resolve("crashed-journal");
    takeHotJournal(workspace, BIG_CHANGE, crashed);
    Files.move(crashed, RollbackJournal.of(workspace));

    try (Workspace reopened = WorkspaceFile.open(workspace)) {
      assertThat(reopened.suites().listSuites())
          .extracting(SuiteSummary::name)
          .containsExactly("mine");
    }
    assertThat(RollbackJournal.of(workspace)).doesNotExist();
    assertThat(RawSqlite.single(workspace, "SELECT count(*) FROM filler")).isEqualTo("0");
    assertThat(RawSqlite.single(workspace, "PRAGMA integrity_check")).isEqualTo("ok");
  }

  @Test
  void a_journal_that_would_only_cut_the_workspace_short_is_refused() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    Path journal = RollbackJournal.of(workspace);
    // A journal header as SQLite writes it, naming a 1-page database and holding no page.
    ByteBuffer header = ByteBuffer.allocate(512);
    header.put(new byte[] {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1});
    header.put(new byte[] {0x63, (byte) 0xd7});
    header.putInt(0).putInt(12345).putInt(1).putInt(512).putInt(4096);
    Files.write(journal, header.array());
    Map<Path, FileFingerprint> before = folder();

    assertThatThrownBy(() -> WorkspaceFile.open(workspace).close())
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.STRANGER_FILE))
        .hasMessageContaining("without restoring any");
    assertThat(folder()).isEqualTo(before);
  }

  @Test
  void a_journal_that_is_no_journal_or_a_link_is_refused_and_left_alone() throws Exception {
    Path workspace = workspaceWithSuite("mine");
    Path journal = RollbackJournal.of(workspace);
    Files.writeString(journal, "not a journal at all");
    Map<Path, FileFingerprint> junk = folder();

    assertThatThrownBy(() -> WorkspaceFile.open(workspace).close())
        .hasMessageContaining("it is not a rollback journal SQLite wrote");
    assertThat(folder()).isEqualTo(junk);

    Files.delete(journal);
    Path target = dir.resolve("elsewhere");
    Files.writeString(target, "kept");
    Files.createSymbolicLink(journal, target);

    assertThatThrownBy(() -> WorkspaceFile.open(workspace).close())
        .hasMessageContaining("it is not a regular file");
    assertThat(Files.readString(target)).isEqualTo("kept");
  }

  /**
   * Runs {@code change} on {@code database} in one transaction big enough for SQLite to sync its
   * journal and write pages to the database, and copies the journal as it stands then (a hot
   * journal: what a crash at that moment leaves) beside {@code target}.
   */
  private static void placeHotJournalOf(Path database, String change, Path target)
      throws Exception {
    takeHotJournal(database, change, RollbackJournal.of(target));
  }

  private static void takeHotJournal(Path database, String change, Path copy) throws Exception {
    try (Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath().toUri())) {
      RawSqlite.execute(connection, "PRAGMA journal_mode = DELETE");
      RawSqlite.execute(connection, "PRAGMA cache_size = 10");
      connection.setAutoCommit(false);
      RawSqlite.execute(connection, change);
      Files.copy(RollbackJournal.of(database), copy);
      connection.rollback();
    }
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(copy), 0, 28);
    assertThat(header.getInt(8)).as("records SQLite would play back").isPositive();
  }

  private Path workspaceWithSuite(String suite) {
    Path file = dir.resolve("w.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.suites().createSuite(suite, "");
    }
    return file;
  }

  /** Every file in the folder with its fingerprint: nothing added, removed or changed. */
  private Map<Path, FileFingerprint> folder() {
    return FileFingerprint.ofFolder(dir);
  }
}
