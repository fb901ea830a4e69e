package io.routebench.app.cli;

import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import io.routebench.storage.sqlite.SqliteHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Opening workspace files for one command, closing them whatever happens. */
final class WorkspaceFiles {

  private WorkspaceFiles() {}

  /** A {@code .routebench} file, or any SQLite file (which opening will check further). */
  static boolean isWorkspace(Path file) {
    if (file.getFileName().toString().endsWith(".routebench")) {
      return true;
    }
    try {
      return SqliteHeader.isPresentIn(file);
    } catch (IOException e) {
      return false;
    }
  }

  static <T> T withWorkspace(Path file, Function<Workspace, T> work) {
    if (!Files.exists(file)) {
      throw CliFailure.usage(
          file
              + ": no such workspace (create one with: routebench import FILE --workspace "
              + file
              + ")");
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
