package io.routebench.app.cli;

import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/** Opening workspace files for one command, closing them whatever happens. */
final class WorkspaceFiles {

  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private WorkspaceFiles() {}

  /** A {@code .routebench} file, or any SQLite file (which opening will check further). */
  static boolean isWorkspace(Path file) {
    if (file.getFileName().toString().endsWith(".routebench")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  static <T> T withWorkspace(Path file, Function<Workspace, T> work) {
    if (!Files.exists(file)) {
      throw new CliFailure(
          file
              + ": no such workspace (create one with: routebench import FILE --workspace "
              + file
              + ")",
          1);
    }
    try (Workspace workspace = WorkspaceFile.open(file)) {
      return work.apply(workspace);
    }
  }

  /** Opens the workspace, creating an empty one when the file does not exist yet. */
  static <T> T withNewOrExistingWorkspace(Path file, Function<Workspace, T> work) {
    try (Workspace workspace =
        Files.exists(file) ? WorkspaceFile.open(file) : WorkspaceFile.create(file)) {
      return work.apply(workspace);
    }
  }
}
