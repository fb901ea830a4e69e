package io.routebench.app.transfer;

import io.routebench.core.config.ImportChanges;
import io.routebench.core.config.ImportedPolicies;

/** Shows what an import would change and lets the user go ahead or not. */
@FunctionalInterface
public interface ImportReview {

  /**
   * Called on the UI thread once the file is read; nothing is replaced until {@code accept} runs.
   *
   * @param fileName the file's name, for the title and messages
   * @param accept replaces the policies in one undoable step
   */
  void review(String fileName, ImportedPolicies imported, ImportChanges changes, Runnable accept);
}
