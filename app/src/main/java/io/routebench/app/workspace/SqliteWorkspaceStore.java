package io.routebench.app.workspace;

import io.routebench.core.workspace.PolicyDocumentRepository;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;

/** Workspaces as the storage module keeps them: one SQLite file each. */
public final class SqliteWorkspaceStore implements WorkspaceStore {

  @Override
  public OpenWorkspace open(Path file) {
    try {
      return new Adapter(WorkspaceFile.open(file));
    } catch (RuntimeException e) {
      throw accessFailure(file, e);
    }
  }

  @Override
  public OpenWorkspace create(Path file) {
    try {
      return new Adapter(WorkspaceFile.create(file));
    } catch (RuntimeException e) {
      throw accessFailure(file, e);
    }
  }

  /** Storage messages already name the file; anything else gets the file added. */
  private static WorkspaceAccessException accessFailure(Path file, RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (!message.contains(file.getFileName().toString())) {
      message = file + ": " + message;
    }
    return new WorkspaceAccessException(message, e);
  }

  private record Adapter(Workspace workspace) implements OpenWorkspace {
    @Override
    public Path path() {
      return workspace.path();
    }

    @Override
    public PolicyDocumentRepository policies() {
      return workspace.policies();
    }

    @Override
    public void close() {
      workspace.close();
    }
  }
}
