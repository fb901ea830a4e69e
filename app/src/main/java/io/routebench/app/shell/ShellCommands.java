package io.routebench.app.shell;

import io.routebench.app.transfer.ExportFormat;
import java.nio.file.Path;
import java.util.List;

/** What the menu bar can ask the main window to do. */
interface ShellCommands {

  void newWorkspace();

  void openWorkspace();

  void openRecent(Path workspace);

  List<Path> recentWorkspaces();

  void clearRecent();

  void closeWorkspace();

  /** Asks for a proxy config or policy document and makes it the open workspace's policies. */
  void importPolicies();

  /** Opens the export dialog on {@code format}: preview, validate, save or copy. */
  void exportPolicies(ExportFormat format);

  void quit();

  void undo();

  void redo();

  void addDomain();

  void addAction();

  void deleteNode();

  void moveNodeUp();

  void moveNodeDown();

  void about();

  /** Switches between the light and the dark theme. */
  void useDarkTheme(boolean dark);

  boolean isDarkTheme();
}
