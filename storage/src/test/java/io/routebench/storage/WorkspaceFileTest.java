package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.WorkspaceOpenException.Problem;
import io.routebench.storage.schema.WorkspaceSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFileTest {

  @TempDir Path dir;

  @Test
  void create_makes_a_current_workspace_named_after_its_file() {
    Path file = dir.resolve("Team policies.routebench");

    try (Workspace workspace = WorkspaceFile.create(file)) {
      assertThat(workspace.path()).isEqualTo(file);
      assertThat(workspace.schemaVersion()).isEqualTo(WorkspaceFile.SCHEMA_VERSION).isEqualTo(6);
      assertThat(workspace.policies().load()).isEqualTo(PolicyDocument.empty("Team policies"));
      assertThat(workspace.suites().listSuites()).isEmpty();
    }

    assertThat(RawSqlite.single(file, "PRAGMA application_id"))
        .isEqualTo(String.valueOf(WorkspaceSchema.APPLICATION_ID));
    assertThat(RawSqlite.single(file, "PRAGMA user_version")).isEqualTo("6");
  }

  @Test
  void create_refuses_an_existing_file_and_leaves_it_alone() throws Exception {
    Path file = dir.resolve("notes.routebench");
    Files.writeString(file, "my notes");
    FileFingerprint.backdate(file);
    FileFingerprint before = FileFingerprint.of(file);

    assertThatThrownBy(() -> WorkspaceFile.create(file))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.ALREADY_EXISTS))
        .hasMessage("Cannot create " + file + ": a file with that name already exists.");
    assertThat(FileFingerprint.of(file)).isEqualTo(before);
  }

  @Test
  void create_in_a_missing_folder_names_the_folder_and_leaves_nothing_behind() {
    Path file = dir.resolve("missing").resolve("w.routebench");

    assertThatThrownBy(() -> WorkspaceFile.create(file))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.CREATE_FAILED))
        .hasMessageContaining("the folder " + dir.resolve("missing") + " does not exist");
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void a_name_without_the_extension_is_used_whole() {
    assertThat(WorkspaceFile.defaultName(Path.of("policies.db"))).isEqualTo("policies.db");
    assertThat(WorkspaceFile.defaultName(Path.of(".routebench"))).isEqualTo(".routebench");
    assertThat(WorkspaceFile.defaultName(Path.of("a.routebench"))).isEqualTo("a");
  }

  @Test
  void an_open_workspace_uses_a_rollback_journal_and_leaves_no_companion_files() {
    Path file = dir.resolve("w.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.suites().createSuite("smoke", "");

      assertThat(RawSqlite.single(file, "PRAGMA journal_mode")).isEqualTo("delete");
      assertThat(dir.resolve("w.routebench-wal")).doesNotExist();
      assertThat(dir.resolve("w.routebench-shm")).doesNotExist();
      assertThat(dir.resolve("w.routebench-journal")).doesNotExist();
    }
  }

  @Test
  void a_workspace_left_in_write_ahead_log_mode_by_an_earlier_routebench_is_switched() {
    Path file = dir.resolve("w.routebench");
    WorkspaceFile.create(file).close();
    RawSqlite.execute(file, "PRAGMA journal_mode = WAL");

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(RawSqlite.single(file, "PRAGMA journal_mode")).isEqualTo("delete");
    }
  }

  @Test
  void foreign_keys_are_enforced_so_deleting_a_suite_deletes_its_cases_and_runs() {
    Path file = dir.resolve("w.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      TestSuite doomed = workspace.suites().createSuite("doomed", "");
      TestSuite kept = workspace.suites().createSuite("kept", "");
      workspace.suites().addCases(doomed.id(), Samples.testCases("d", 3));
      workspace.suites().addCases(kept.id(), Samples.testCases("k", 2));
      workspace.runs().save(Samples.run("run-d", doomed.id(), Instant.now(), 2));
      workspace.runs().save(Samples.run("run-k", kept.id(), Instant.now(), 4));

      workspace.suites().deleteSuite(doomed.id());

      assertThat(RawSqlite.column(file, "SELECT suite_id FROM cases")).containsOnly(kept.id());
      assertThat(RawSqlite.count(file, "cases")).isEqualTo(2);
      assertThat(RawSqlite.count(file, "case_tags")).isEqualTo(4);
      assertThat(RawSqlite.column(file, "SELECT id FROM runs")).containsExactly("run-k");
      assertThat(RawSqlite.column(file, "SELECT DISTINCT run_id FROM turn_results"))
          .containsExactly("run-k");
    }
  }

  @Test
  void folder_and_file_names_with_uri_characters_and_accents_work() {
    Path folder = dir.resolve("Mes données ?#%20");
    Path file = folder.resolve("équipe #1?.routebench");
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.suites().createSuite("smoke", "");
    }
    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.suites().listSuites()).hasSize(1);
      assertThat(workspace.policies().load().name()).isEqualTo("équipe #1?");
    }
    assertThat(folder)
        .isDirectoryContaining(p -> p.getFileName().toString().equals("équipe #1?.routebench"));
  }

  @Test
  void closing_twice_is_harmless_and_later_calls_fail_clearly() {
    Path file = dir.resolve("w.routebench");
    Workspace workspace = WorkspaceFile.create(file);
    workspace.close();
    workspace.close();

    assertThatThrownBy(() -> workspace.suites().listSuites())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Could not list the test suites: " + file + " is closed");
  }

  @Test
  void calls_from_many_threads_are_all_served() throws Exception {
    Path file = dir.resolve("w.routebench");
    var executor = Executors.newFixedThreadPool(8);
    try (Workspace workspace = WorkspaceFile.create(file)) {
      var tasks = new ArrayList<Callable<String>>();
      for (int t = 0; t < 16; t++) {
        String name = "suite " + t;
        tasks.add(
            () -> {
              TestSuite suite = workspace.suites().createSuite(name, "");
              workspace.suites().addCases(suite.id(), Samples.testCases(name, 25));
              workspace.policies().save(workspace.policies().load().withName(name));
              return suite.id();
            });
      }
      for (Future<String> done : executor.invokeAll(tasks)) {
        done.get();
      }

      assertThat(workspace.suites().listSuites())
          .hasSize(16)
          .allSatisfy(summary -> assertThat(summary.caseCount()).isEqualTo(25));
    } finally {
      executor.shutdownNow();
    }
  }
}
