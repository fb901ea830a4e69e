package io.routebench.app.workspace;

import io.routebench.core.conversation.PlaytestConversationRepository;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.workspace.PolicyDocumentRepository;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Workspaces as the storage module keeps them: one SQLite file each, held with a {@link
 * WorkspaceEditLock} while open so no second RouteBench edits it at the same time.
 */
public final class SqliteWorkspaceStore implements WorkspaceStore {

  private final Path lockDir;

  /**
   * @param lockDir where the edit locks live (inside RouteBench's home)
   */
  public SqliteWorkspaceStore(Path lockDir) {
    this.lockDir = lockDir;
  }

  @Override
  public OpenWorkspace open(Path file) {
    return openLocked(file, () -> WorkspaceFile.open(file));
  }

  @Override
  public OpenWorkspace create(Path file) {
    return openLocked(file, () -> WorkspaceFile.create(file));
  }

  private OpenWorkspace openLocked(Path file, Supplier<Workspace> opener) {
    WorkspaceEditLock lock = WorkspaceEditLock.acquire(file, lockDir);
    try {
      return new Adapter(opener.get(), lock);
    } catch (RuntimeException e) {
      lock.close();
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

  private record Adapter(Workspace workspace, WorkspaceEditLock lock) implements OpenWorkspace {
    @Override
    public Path path() {
      return workspace.path();
    }

    @Override
    public PolicyDocumentRepository policies() {
      return workspace.policies();
    }

    @Override
    public TestSuiteRepository suites() {
      return workspace.suites();
    }

    @Override
    public RegressionRunRepository runs() {
      return workspace.runs();
    }

    @Override
    public PlaytestConversationRepository playtest() {
      return workspace.playtest();
    }

    @Override
    public java.util.List<String> notices() {
      return workspace.notices();
    }

    @Override
    public boolean isReadOnly() {
      return workspace.isReadOnly();
    }

    @Override
    public void close() {
      try {
        workspace.close();
      } finally {
        lock.close();
      }
    }
  }
}
