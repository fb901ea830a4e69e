package io.routebench.app.workspace;

import java.nio.file.Path;

/**
 * Opens and creates workspace files. Both methods do I/O and are called on a background thread;
 * failures are {@link WorkspaceAccessException}s whose message can be shown to the user as is.
 */
public interface WorkspaceStore {

  OpenWorkspace open(Path file);

  /** Creates a new, empty workspace; fails if {@code file} exists. */
  OpenWorkspace create(Path file);
}
