package io.routebench.app.shell;

import io.routebench.app.download.GetArchRouterDialog;
import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.onboarding.FirstRunPanel;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterModelBar;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.settings.AppSettings;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.UiTimer;
import io.routebench.app.transfer.ExportDialog;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.app.transfer.PolicyTransfers;
import io.routebench.app.workspace.WorkspaceManager;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.inference.remote.StreamingChatClient;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The workbench window: menus, the open workspace (or the welcome screen) and the status bar. It
 * puts the window together, hands each menu command to the part that carries it out ({@link
 * WorkspaceFileCommands}, {@link EditCommands}, {@link RouterCommands}), and owns the quit
 * sequence: save the last edit, then the settings, then exit.
 */
public final class MainWindow implements ShellCommands {

  /**
   * What the playtest tab needs beyond the workspace.
   *
   * @param router the router model shared by every workspace
   * @param typingTimer waits for a pause in typing before routing
   */
  public record Playtesting(LocalRouter router, UiTimer typingTimer) {}

  private final Stage stage;
  private final WorkspaceManager workspaces;
  private final SettingsStore settings;
  private final AppPaths paths;
  private final Runnable exitApplication;
  private final BorderPane root = new BorderPane();
  private final WorkbenchMenuBar menuBar;
  private final StatusMessages statusMessages;
  private final WelcomePane welcome;
  private final FirstRunPanel firstRun;

  /** One for the window: each workspace's playtest shows it, and it outlives them. */
  private final RouterModelBar modelBar;

  private final CurrentScreen current;
  private final WorkspaceFileCommands files;
  private final EditCommands edits;
  private final RouterCommands routing;

  private Theme theme;

  /**
   * @param exitApplication ends the application once everything is saved ({@code Platform::exit})
   * @param ids makes ids for new taxonomy nodes
   * @param fileTransfers reads and writes imported and exported files, and streams the playtest's
   *     replies from target models
   * @param playtesting the router model and the typing timer every workspace's playtest uses
   */
  public MainWindow(
      Stage stage,
      WorkspaceManager workspaces,
      SettingsStore settings,
      AppPaths paths,
      ErrorReporter errors,
      Runnable exitApplication,
      Supplier<String> ids,
      TaskExecutor fileTransfers,
      Playtesting playtesting) {
    this.stage = stage;
    this.workspaces = workspaces;
    this.settings = settings;
    this.paths = paths;
    this.exitApplication = exitApplication;
    theme = Theme.atStartup(settings.current().darkTheme());
    theme.apply();
    LocalRouter router = playtesting.router();
    statusMessages = new StatusMessages(playtesting.typingTimer());
    var statusBar = new StatusBar(workspaces.busyProperty(), statusMessages.textProperty(), router);
    welcome =
        new WelcomePane(
            this::newWorkspace, this::openWorkspace, this::openRecent, workspaces.busyProperty());
    modelBar = new RouterModelBar(router, settings, errors, paths.modelDir());
    // Asks routes' target models for the playtest's replies; one connection pool for all.
    var chatClient = new StreamingChatClient();
    current =
        new CurrentScreen(
            root,
            welcome,
            new WorkspaceScreen.Shared(
                stage,
                settings,
                errors,
                ids,
                fileTransfers,
                playtesting,
                chatClient,
                modelBar,
                statusBar,
                statusMessages),
            workspaces::recentWorkspaces);
    files = new WorkspaceFileCommands(stage, workspaces, settings, errors, current);
    edits = new EditCommands(workspaces, current);
    routing =
        new RouterCommands(
            stage,
            modelBar,
            root,
            workspaces,
            current,
            settings,
            errors,
            paths,
            fileTransfers,
            router);
    menuBar =
        new WorkbenchMenuBar(this, current.noWorkspaceProperty(), current.noTransferProperty());
    firstRun =
        new FirstRunPanel(
            settings,
            new FirstRunPanel.Steps(
                () -> current.withPane(WorkspacePane::showTaxonomy),
                this::getArchRouter,
                routing::openRouterModel,
                () -> current.withPane(WorkspacePane::showPlaytest),
                () -> exportPolicies(ExportFormat.ARCHGW)),
            current.noWorkspaceProperty().not());

    root.setTop(menuBar.root());
    // Out of the scene while hidden, not just invisible: its links must not be found or focused.
    root.rightProperty()
        .bind(
            Bindings.when(firstRun.root().visibleProperty())
                .then(firstRun.root())
                .otherwise((javafx.scene.Node) null));
    root.setBottom(statusBar.root());
    workspaces.currentProperty().addListener((obs, old, now) -> show(now));
    show(workspaces.current().orElse(null));

    edits.takeUndoKeys(WorkbenchStage.dress(stage, root, workspaces, settings, this::quit));
  }

  public void show() {
    stage.show();
  }

  /** The open workspace's pane, or {@code null}; for tests in this package. */
  WorkspacePane workspacePane() {
    return current.pane();
  }

  /** Import and export for the open workspace, or {@code null}; for tests in this package. */
  PolicyTransfers transfers() {
    return current.transfers();
  }

  /** The status bar's message line; for tests in this package. */
  StatusMessages statusMessages() {
    return statusMessages;
  }

  /** The first-run panel; for tests in this package. */
  FirstRunPanel firstRun() {
    return firstRun;
  }

  /** The router model bar shared by every workspace; for tests in this package. */
  RouterModelBar modelBar() {
    return modelBar;
  }

  /** The Get Arch-Router window last opened, or {@code null}; for tests in this package. */
  GetArchRouterDialog getArchRouterDialog() {
    return routing.getArchRouterDialog();
  }

  /**
   * Opens the export dialog on {@code format}, or does nothing without a workspace.
   *
   * @return the dialog shown, or {@code null}
   */
  ExportDialog openExport(ExportFormat format) {
    return files.openExport(format);
  }

  @Override
  public void newWorkspace() {
    files.newWorkspace();
  }

  @Override
  public void openWorkspace() {
    files.openWorkspace();
  }

  @Override
  public void openRecent(Path workspace) {
    workspaces.open(workspace);
  }

  @Override
  public List<Path> recentWorkspaces() {
    return workspaces.recentWorkspaces();
  }

  @Override
  public void clearRecent() {
    settings.update(AppSettings::withoutRecentWorkspaces);
    welcome.showRecent(List.of());
  }

  @Override
  public void closeWorkspace() {
    workspaces.close();
  }

  @Override
  public void importPolicies() {
    files.importPolicies();
  }

  @Override
  public void exportPolicies(ExportFormat format) {
    files.openExport(format);
  }

  @Override
  public void importTestCases() {
    files.importTestCases();
  }

  @Override
  public void exportTestCases() {
    files.exportTestCases();
  }

  /** Saves the last edit and the settings, then exits; stays open if the edit could not be kept. */
  @Override
  public void quit() {
    if (!workspaces.close()) {
      return;
    }
    settings.flush();
    stage.hide();
    exitApplication.run();
  }

  @Override
  public void undo() {
    edits.undo();
  }

  @Override
  public void redo() {
    edits.redo();
  }

  @Override
  public void addDomain() {
    edits.addDomain();
  }

  @Override
  public void addAction() {
    edits.addAction();
  }

  @Override
  public void deleteNode() {
    edits.deleteNode();
  }

  @Override
  public void moveNodeUp() {
    edits.moveNodeUp();
  }

  @Override
  public void moveNodeDown() {
    edits.moveNodeDown();
  }

  @Override
  public void connectRouterServer() {
    routing.connectRouterServer();
  }

  @Override
  public void engineSettings() {
    routing.engineSettings();
  }

  @Override
  public void checkCollisions() {
    routing.checkCollisions();
  }

  @Override
  public void parityRun() {
    routing.parityRun();
  }

  @Override
  public void getArchRouter() {
    routing.getArchRouter();
  }

  @Override
  public void useDarkTheme(boolean dark) {
    theme = dark ? Theme.DARK : Theme.LIGHT;
    theme.apply();
    settings.update(s -> s.withDarkTheme(dark));
  }

  @Override
  public boolean isDarkTheme() {
    return theme == Theme.DARK;
  }

  @Override
  public void about() {
    AboutDialog.show(stage, paths);
  }

  @Override
  public void gettingStarted() {
    firstRun.show();
  }

  private void show(WorkspaceSession session) {
    menuBar.follow(session == null ? null : session.editor());
    current.show(session);
  }
}
