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

  /** Asks for a JSONL suite file and imports its cases into the selected suite. */
  void importTestCases();

  /** Asks where to write the selected suite as JSONL. */
  void exportTestCases();

  void quit();

  void undo();

  void redo();

  void addDomain();

  void addAction();

  void deleteNode();

  void moveNodeUp();

  void moveNodeDown();

  /** Opens the policy collision check for the open workspace, run with the loaded router. */
  void checkCollisions();

  /**
   * Opens the parity run: a suite of the open workspace through a running plano and the loaded
   * router, every turn they route apart.
   */
  void parityRun();

  /** Opens the local engine's settings (threads, context size, GPU layers). */
  void engineSettings();

  /** Asks for a router server (Ollama, vLLM, llama-server) to decide with instead of a file. */
  void connectRouterServer();

  void about();

  /** Opens the Get Arch-Router window (download the router model). */
  void getArchRouter();

  /** Shows the first-run "what to do next" panel again. */
  void gettingStarted();

  /** Switches between the light and the dark theme. */
  void useDarkTheme(boolean dark);

  boolean isDarkTheme();
}
