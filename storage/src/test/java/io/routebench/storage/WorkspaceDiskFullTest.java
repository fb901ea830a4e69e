package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: the change is refused with a reason a user can act on, and the last good state is
 * intact, in memory as on disk.
 */
class WorkspaceDiskFullTest {

  @TempDir Path dir;

  /** SQLite's own size limit gives the very error a full disk gives, on any machine. */
  @Test
  void a_write_that_does_not_fit_is_refused_clearly_and_the_file_keeps_its_last_good_state() {
    Path file = dir.resolve("w.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.policies().save(Samples.fullDocument());
      limitToCurrentSize(workspace);

      TestSuite suite = workspace.suites().createSuite("big", "");
      assertThatThrownBy(
              () -> workspace.suites().addCases(suite.id(), Samples.testCases("c", 5_000)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("the disk is full")
          .hasMessageContaining("nothing of this change was written")
          .hasMessageNotContaining("no transaction is active");

      assertThat(workspace.policies().load()).isEqualTo(Samples.fullDocument());
      assertThat(workspace.suites().findSuite(suite.id()).orElseThrow().cases()).isEmpty();
    }
    assertThat(RawSqlite.single(file, "PRAGMA integrity_check")).isEqualTo("ok");
  }

  /** The real thing where this machine lets a test mount a small file system (root on Linux). */
  @Test
  void on_a_really_full_disk_the_last_good_state_survives() throws Exception {
    Path mount = Files.createDirectory(dir.resolve("small-disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()));
    try {
      Path file = mount.resolve("w.routebench");
      PolicyDocument good = Samples.fullDocument();
      try (Workspace workspace = WorkspaceFile.create(file)) {
        workspace.policies().save(good);
        fill(mount.resolve("filler"));

        assertThatThrownBy(() -> workspace.policies().save(good.withName("x".repeat(200_000))))
            .isInstanceOf(StorageException.class)
            .hasMessageContaining("the disk is full");
        assertThat(workspace.policies().load()).isEqualTo(good);
      }
      Files.delete(mount.resolve("filler"));
      try (Workspace workspace = WorkspaceFile.open(file)) {
        assertThat(workspace.policies().load()).isEqualTo(good);
      }
    } finally {
      run("umount", mount.toString());
    }
  }

  private static void limitToCurrentSize(Workspace workspace) {
    workspace
        .connection()
        .inTransaction(
            "limit the file's size",
            connection -> {
              try (Statement statement = connection.createStatement()) {
                // Below the current page count SQLite keeps the current count: no page may be
                // added.
                statement.execute("PRAGMA max_page_count = 1");
              }
              return null;
            });
  }

  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // ENOSPC: the file system is full now.
    }
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }
}
