package io.routebench.app.workspace;

import io.routebench.core.workspace.PolicyDocument;

/** A workspace opened on a background thread together with its document, ready for a session. */
record LoadedWorkspace(OpenWorkspace workspace, PolicyDocument document) {

  /** Opens with {@code opener} and loads the document, closing the file again if loading fails. */
  static LoadedWorkspace load(java.util.function.Supplier<OpenWorkspace> opener) {
    OpenWorkspace workspace = opener.get();
    try {
      return new LoadedWorkspace(workspace, workspace.policies().load());
    } catch (RuntimeException e) {
      workspace.close();
      throw e;
    }
  }
}
