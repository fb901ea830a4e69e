package io.routebench.app.workspace;

import java.nio.file.Path;

/**
 * A second RouteBench process for {@link SqliteWorkspaceStoreTest}: holds a workspace's edit lock,
 * says so on stdout, and keeps it until killed (or until its stdin closes).
 */
public final class WorkspaceLockHolder {

  private WorkspaceLockHolder() {}

  public static void main(String[] args) throws Exception {
    WorkspaceEditLock.acquire(Path.of(args[0]), Path.of(args[1]));
    System.out.println("locked");
    System.out.flush();
    while (System.in.read() >= 0) {
      // Held until the test kills this process, the way a crash would end it.
    }
  }
}
