package io.routebench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.app.testing.JavaProcesses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkspaceStoreTest {

  @TempDir Path dir;
  private Path locks;
  private SqliteWorkspaceStore store;

  @BeforeEach
  void createStore() {
    locks = dir.resolve("home/locks");
    store = new SqliteWorkspaceStore(locks);
  }

  @Test
  void a_workspace_open_here_cannot_be_opened_a_second_time_until_it_is_closed() {
    Path file = dir.resolve("team.routebench");
    OpenWorkspace first = store.create(file);

    assertThatThrownBy(() -> store.open(file))
        .isInstanceOf(WorkspaceAccessException.class)
        .hasMessage(
            file
                + " is already open in this RouteBench. Editing it in two places would make each"
                + " save undo the other's changes: close it there first, or open a copy of the"
                + " file.");

    first.close();
    try (OpenWorkspace again = store.open(file)) {
      assertThat(again.policies().load().name()).isEqualTo("team");
    }
  }

  @Test
  void a_workspace_held_by_another_process_is_refused_naming_it_and_freed_when_it_dies()
      throws Exception {
    Path file = dir.resolve("shared.routebench");
    store.create(file).close();
    Process holder = startLockHolder(file);
    try {
      assertThatThrownBy(() -> store.open(file))
          .isInstanceOf(WorkspaceAccessException.class)
          .hasMessageStartingWith(
              file + " is already open in RouteBench (process " + holder.pid() + " on ");
    } finally {
      // A kill, not an orderly exit: the lock must not outlive a crashed RouteBench.
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    try (OpenWorkspace opened = store.open(file)) {
      assertThat(opened.path()).isEqualTo(file);
    }
  }

  @Test
  void closing_removes_the_lock_file_so_lock_files_never_pile_up() throws Exception {
    for (int i = 0; i < 3; i++) {
      Path file = dir.resolve("w" + i + ".routebench");
      OpenWorkspace workspace = store.create(file);
      Path lock = WorkspaceEditLock.lockFileOf(file, locks);
      assertThat(Files.readString(lock))
          .startsWith("RouteBench (process ")
          .contains(file.toString());

      workspace.close();

      assertThat(lock).doesNotExist();
    }
    try (var left = Files.list(locks)) {
      assertThat(left).isEmpty();
    }
    // And the next open locks afresh.
    store.open(dir.resolve("w0.routebench")).close();
  }

  @Test
  void a_file_that_fails_to_open_does_not_stay_locked() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.routebench"), "just some text");

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> store.open(file))
          .isInstanceOf(WorkspaceAccessException.class)
          .message()
          .doesNotContain("already open");
    }
  }

  @Test
  void every_spelling_of_a_workspace_path_shares_one_lock() throws Exception {
    Path file = dir.resolve("team.routebench");
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir);
    try (OpenWorkspace first = store.create(file)) {
      assertThatThrownBy(() -> store.open(link.resolve("./sub/../team.routebench")))
          .isInstanceOf(WorkspaceAccessException.class)
          .hasMessageContaining("is already open in this RouteBench");
    }
  }

  @Test
  void nothing_is_written_beside_the_workspace() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("shared-drive"));
    try (OpenWorkspace workspace = store.create(folder.resolve("team.routebench"))) {
      try (var files = Files.list(folder)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .allMatch(name -> name.startsWith("team.routebench"));
      }
    }
  }

  @Test
  void creating_in_a_missing_folder_names_the_folder_and_holds_no_lock_afterwards()
      throws Exception {
    Path file = dir.resolve("missing/new.routebench");

    assertThatThrownBy(() -> store.create(file))
        .isInstanceOf(WorkspaceAccessException.class)
        .hasMessage(
            "Cannot create "
                + file
                + ": the folder "
                + dir.resolve("missing")
                + " does not exist.");

    Files.createDirectories(file.getParent());
    store.create(file).close();
  }

  private Process startLockHolder(Path file) throws Exception {
    Process process =
        JavaProcesses.builder(
                List.of(), WorkspaceLockHolder.class, file.toString(), locks.toString())
            .redirectErrorStream(true)
            .start();
    var output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = output.readLine();
    assertThat(line).as("the lock holder's first line").isEqualTo("locked");
    return process;
  }
}
