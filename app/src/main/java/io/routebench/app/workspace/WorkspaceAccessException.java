package io.routebench.app.workspace;

/** A workspace could not be opened or created; the message names the file and the reason. */
public final class WorkspaceAccessException extends RuntimeException {

  public WorkspaceAccessException(String message, Throwable cause) {
    super(message, cause);
  }

  public WorkspaceAccessException(String message) {
    super(message);
  }
}
