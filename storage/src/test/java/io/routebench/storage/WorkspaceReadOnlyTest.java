package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace in a read-only place opens for reading, and says so; writing fails with the reason,
 * never silently. Root ignores permission bits, so as root the folder is made immutable instead.
 */
class WorkspaceReadOnlyTest {

  @TempDir Path dir;
  private Path folder;

  @AfterEach
  void makeWritableAgain() throws Exception {
    if (folder != null) {
      run("chattr", "-i", folder.toString());
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void a_workspace_in_a_read_only_folder_is_opened_read_only_and_refuses_writes_clearly()
      throws Exception {
    folder = Files.createDirectory(dir.resolve("shelf"));
    Path file = folder.resolve("w.routebench");
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.policies().save(Samples.fullDocument());
      workspace.suites().createSuite("smoke", "");
    }
    makeReadOnly(folder);

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.isReadOnly()).isTrue();
      assertThat(workspace.policies().load()).isEqualTo(Samples.fullDocument());
      assertThat(workspace.suites().listSuites()).hasSize(1);
      assertThatThrownBy(() -> workspace.policies().save(Samples.fullDocument().withName("x")))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("read-only");
    }
    assertThat(Files.list(folder).map(p -> p.getFileName().toString()))
        .containsExactly("w.routebench");
  }

  private static void makeReadOnly(Path folder) throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
    if (!Files.isWritable(folder)) {
      return;
    }
    // Root: permission bits do not bind, the immutable attribute does.
    assumeTrue(
        run("chattr", "+i", folder.toString()) && !Files.isWritable(folder),
        "cannot make a folder read-only here");
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException missing) {
      return false;
    }
  }
}
