package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.suite.TestSuite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call is committed when it returns: nothing waits for a flush or a clean close. */
class WorkspaceDurabilityTest {

  @TempDir Path dir;

  @Test
  void a_save_is_visible_to_another_connection_as_soon_as_it_returns() {
    Path file = dir.resolve("w.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.policies().save(Samples.fullDocument());

      assertThat(RawSqlite.single(file, "SELECT name FROM workspace"))
          .isEqualTo("Coding assistant");
      assertThat(RawSqlite.count(file, "actions")).isEqualTo(3);
    }
  }

  @Test
  void everything_written_is_there_after_closing_and_reopening() {
    Path file = dir.resolve("w.routebench");
    String suiteId;
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.policies().save(Samples.fullDocument());
      TestSuite suite = workspace.suites().createSuite("smoke", "first suite");
      suiteId = suite.id();
      workspace.suites().addCases(suiteId, Samples.testCases("c", 10));
      workspace.runs().save(Samples.run("run-1", suiteId, Instant.now(), 2));
    }

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.policies().load()).isEqualTo(Samples.fullDocument());
      assertThat(workspace.suites().findSuite(suiteId).orElseThrow().cases())
          .isEqualTo(Samples.testCases("c", 10));
      assertThat(workspace.runs().findRun("run-1")).isPresent();
    }
  }

  @Test
  void everything_written_survives_the_process_dying_without_closing() throws Exception {
    Path file = dir.resolve("crashed.routebench");
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(writer.getInputStream().readAllBytes());
    assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.exitValue()).as(output).isEqualTo(CrashingWriter.EXIT_CODE);
    // Every commit went into the file itself: nothing waits in a journal or log.
    assertThat(dir.resolve("crashed.routebench-wal")).doesNotExist();
    assertThat(dir.resolve("crashed.routebench-journal")).doesNotExist();

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.policies().load()).isEqualTo(Samples.fullDocument());
      TestSuite suite =
          workspace.suites().findSuiteByName("written before the crash").orElseThrow();
      assertThat(suite.cases()).isEqualTo(Samples.testCases("c", 50));
      assertThat(workspace.runs().findRun("run-1"))
          .contains(Samples.run("run-1", suite.id(), Instant.parse("2025-05-01T10:00:00Z"), 3));
    }
  }
}
