package io.routebench.app.shell;

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

  void quit();

  void undo();

  void redo();

  void addDomain();

  void addAction();

  void deleteNode();

  void moveNodeUp();

  void moveNodeDown();

  void about();
}
