package io.routebench.app.cli;

import io.routebench.core.files.NotARegularFileException;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import io.routebench.storage.sqlite.SqliteHeader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/** Opening workspace files for one command, closing them whatever happens. */
final class WorkspaceFiles {

  private WorkspaceFiles() {}

  /**
   * A {@code .routebench} file, or any SQLite file (which opening will check further). A pipe or a
   * device is never opened to look: it is not one.
   *
   * @throws CliFailure when the file cannot be read: a missing file, a folder or a permission
   *     problem is said as such, not taken for "not a workspace"
   */
  static boolean isWorkspace(Path file) {
    if (file.getFileName().toString().endsWith(".routebench")) {
      return true;
    }
    try {
      return SqliteHeader.isPresentIn(file);
    } catch (NoSuchFileException e) {
      throw CliFailure.usage(file + ": no such file");
    } catch (NotARegularFileException e) {
      // A pipe or a device where a file belongs: the input given cannot be used, as in
      // PolicySource.
      throw CliFailure.problems(e.getMessage());
    } catch (IOException e) {
      throw CliFailure.couldNotRun(file + ": cannot read: " + reason(file, e));
    }
  }

  /** What went wrong, in words: some exceptions' message is only the path again. */
  static String reason(Path file, IOException e) {
    if (Files.isDirectory(file)) {
      return "it is a folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null || message.equals(file.toString())
        ? e.getClass().getSimpleName()
        : message;
  }

  /**
   * For commands that only read: the workspace and every file beside it stay byte for byte as they
   * were ({@link WorkspaceFile#openForReading}).
   */
  static <T> T readingWorkspace(Path file, Function<Workspace, T> work) {
    requireExists(file);
    try (Workspace workspace = WorkspaceFile.openForReading(file)) {
      return work.apply(workspace);
    }
  }

  /** For commands that write; what opening did to the file (a backup kept) goes to {@code err}. */
  static <T> T withWorkspace(Path file, PrintWriter err, Function<Workspace, T> work) {
    requireExists(file);
    try (Workspace workspace = WorkspaceFile.open(file)) {
      tell(err, workspace);
      return work.apply(workspace);
    }
  }

  /** Opens the workspace, creating an empty one when the file does not exist yet. */
  static <T> T withNewOrExistingWorkspace(Path file, PrintWriter err, Function<Workspace, T> work) {
    try (Workspace workspace =
        Files.exists(file) ? WorkspaceFile.open(file) : WorkspaceFile.create(file)) {
      tell(err, workspace);
      return work.apply(workspace);
    }
  }

  private static void requireExists(Path file) {
    if (!Files.exists(file)) {
      throw CliFailure.usage(
          file
              + ": no such workspace (create one with: routebench import FILE --workspace "
              + file
              + ")");
    }
  }

  private static void tell(PrintWriter err, Workspace workspace) {
    workspace.notices().forEach(notice -> err.println("note: " + notice));
    err.flush();
  }
}
