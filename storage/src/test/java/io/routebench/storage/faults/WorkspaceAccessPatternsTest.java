package io.routebench.storage.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.storage.RawSqlite;
import io.routebench.storage.Samples;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes on a real workspace file: an editing process (what the workbench does), other
 * processes opening, reading, writing and closing the same file (the headless commands), and
 * crashes. Every edit acknowledged to the user must be on disk, whatever the others do.
 */
class WorkspaceAccessPatternsTest {

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void createWorkspace() {
    file = dir.resolve("shared.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.policies().save(Samples.fullDocument().withName("first"));
    }
  }

  /**
   * The data-loss report, replayed: a test case saved in the workbench, a stray descriptor of the
   * file closed in the workbench's process, a headless command opening and closing the file, then a
   * rename that the status bar called saved — and the workbench killed.
   */
  @Test
  void edits_acknowledged_by_the_editor_survive_other_processes_stray_descriptors_and_a_kill()
      throws Exception {
    try (ChildJvm editor = ChildJvm.start(EditorProcess.class, file.toString())) {
      editor.awaitLine("READY");
      editor.send("case");
      editor.awaitLine("ACK case");
      editor.send("stray");
      editor.awaitLine("ACK stray");
      for (int visit = 0; visit < 3; visit++) {
        assertThat(ChildJvm.run(VisitorProcess.class, file.toString())).contains("NAME first");
      }

      editor.send("save renamed");
      editor.awaitLine("ACK renamed");
      // Another process sees the acknowledged edit in the file...
      assertThat(ChildJvm.run(VisitorProcess.class, file.toString())).contains("NAME renamed");
      editor.send("stray");
      editor.awaitLine("ACK stray");
      assertThat(ChildJvm.run(VisitorProcess.class, file.toString())).contains("NAME renamed");
      editor.send("save renamed again");
      editor.awaitLine("ACK renamed again");
      editor.kill();
    }

    // ...and so does the next start after the kill.
    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.policies().load().name()).isEqualTo("renamed again");
      assertThat(workspace.suites().findSuiteByName("Playtests").orElseThrow().cases()).hasSize(1);
      assertThat(workspace.runs().listRuns(suiteId(workspace, "visits"))).hasSize(5);
    }
    assertThat(RawSqlite.single(file, "PRAGMA integrity_check")).isEqualTo("ok");
  }

  @Test
  void a_kill_in_the_middle_of_a_burst_of_edits_keeps_every_acknowledged_one() throws Exception {
    int lastAcknowledged;
    try (ChildJvm editor = ChildJvm.start(EditorProcess.class, file.toString())) {
      editor.awaitLine("READY");
      editor.send("burst 100000");
      String ack = "";
      for (int i = 0; i < 40; i++) {
        ack = editor.awaitLine("ACK edit-");
      }
      editor.kill();
      lastAcknowledged = Integer.parseInt(ack.substring("ACK edit-".length()));
    }

    // A kill inside a save leaves a hot -journal: the next start (a writer) rolls it back, and only
    // then can a read-only look at the file succeed.
    try (Workspace workspace = WorkspaceFile.open(file)) {
      String stored = workspace.policies().load().name();
      assertThat(stored).startsWith("edit-");
      // The save in flight at the kill may or may not have committed; none before it is missing.
      assertThat(Integer.parseInt(stored.substring("edit-".length())))
          .isGreaterThanOrEqualTo(lastAcknowledged);
      assertThat(workspace.policies().load()).isEqualTo(Samples.fullDocument().withName(stored));
    }
    assertThat(RawSqlite.single(file, "PRAGMA integrity_check")).isEqualTo("ok");
  }

  private static String suiteId(Workspace workspace, String name) {
    return workspace.suites().findSuiteByName(name).orElseThrow().id();
  }
}
