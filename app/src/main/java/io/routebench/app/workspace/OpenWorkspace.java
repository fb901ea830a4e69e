package io.routebench.app.workspace;

import io.routebench.core.conversation.PlaytestConversationRepository;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.workspace.PolicyDocumentRepository;
import java.nio.file.Path;

/** A workspace file the workbench holds open. Closing releases the file. */
public interface OpenWorkspace extends AutoCloseable {

  Path path();

  PolicyDocumentRepository policies();

  TestSuiteRepository suites();

  RegressionRunRepository runs();

  PlaytestConversationRepository playtest();

  /** Whether the file could only be opened for reading; edits are then refused when saved. */
  default boolean isReadOnly() {
    return false;
  }

  /** What opening did that the user should hear of (a backup kept beside the file); rare. */
  default java.util.List<String> notices() {
    return java.util.List.of();
  }

  @Override
  void close();
}
