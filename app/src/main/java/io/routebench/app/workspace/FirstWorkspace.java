package io.routebench.app.workspace;

import io.routebench.core.workspace.PolicyDocument;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new user's first workspace, {@value #FILE_NAME} in the workspace folder, seeded with the coding
 * assistant sample so that the first window shows a real taxonomy instead of an empty tree.
 */
final class FirstWorkspace {

  static final String FILE_NAME = "My first workspace" + WorkspaceFiles.EXTENSION;

  private static final System.Logger LOG = System.getLogger(FirstWorkspace.class.getName());

  private FirstWorkspace() {}

  /**
   * Opens the first workspace, creating and seeding it when it does not exist yet (a user who
   * cleared the settings gets their old one back, untouched). Runs on a background thread.
   */
  static LoadedWorkspace openOrCreate(WorkspaceStore store, Path workspaceDir) {
    Path file = workspaceDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return LoadedWorkspace.load(() -> store.open(file));
    }
    PolicyDocument seed = sample();
    return LoadedWorkspace.load(
        () -> {
          OpenWorkspace workspace = store.create(file);
          try {
            workspace.policies().save(seed);
          } catch (RuntimeException e) {
            workspace.close();
            throw e;
          }
          return workspace;
        });
  }

  private static PolicyDocument sample() {
    try {
      return SamplePolicies.load(SamplePolicies.CODING_ASSISTANT);
    } catch (RuntimeException e) {
      // A broken build must not keep a new user out: start them with an empty taxonomy instead.
      LOG.log(Level.ERROR, "cannot load the sample taxonomy; the first workspace starts empty", e);
      return PolicyDocument.empty(WorkspaceFiles.displayName(Path.of(FILE_NAME)));
    }
  }
}
