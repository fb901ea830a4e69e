package io.routebench.app.shell;

import io.routebench.app.collision.CollisionCheckDialog;
import io.routebench.app.collision.CollisionCheckViewModel;
import io.routebench.app.download.ArchRouterDownloads;
import io.routebench.app.download.GetArchRouterDialog;
import io.routebench.app.download.GetArchRouterViewModel;
import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.onboarding.FirstRunPanel;
import io.routebench.app.parity.ParityDialog;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterModelBar;
import io.routebench.app.routing.ServerCheck;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.settings.AppSettings;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.UiTimer;
import io.routebench.app.transfer.ExportChoice;
import io.routebench.app.transfer.ExportDialog;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.app.transfer.ExportPreview;
import io.routebench.app.transfer.ExportRunStatus;
import io.routebench.app.transfer.PolicyTransfers;
import io.routebench.app.workspace.WorkspaceManager;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.inference.remote.StreamingChatClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The workbench window: menus, the open workspace (or the welcome screen) and the status bar. It
 * turns user commands into calls on the {@link WorkspaceManager} and the open workspace's view
 * models, and owns the quit sequence: save the last edit, then the settings, then exit.
 */
public final class MainWindow implements ShellCommands {

  /**
   * What the playtest tab needs beyond the workspace.
   *
   * @param router the router model shared by every workspace
   * @param typingTimer waits for a pause in typing before routing
   */
  public record Playtesting(LocalRouter router, UiTimer typingTimer) {}

  private static final String STYLESHEET = "workbench.css";
  private static final String ICON = "routebench.png";

  private final Stage stage;
  private final WorkspaceManager workspaces;
  private final SettingsStore settings;
  private final AppPaths paths;
  private final ErrorReporter errors;
  private final Runnable exitApplication;
  private final Supplier<String> ids;
  private final BorderPane root = new BorderPane();
  private final WorkbenchMenuBar menuBar;
  private final StatusBar statusBar;
  private final StatusMessages statusMessages;
  private final WelcomePane welcome;
  private final FileChoosers choosers;
  private final ReadOnlyBooleanWrapper noWorkspace = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyBooleanWrapper noTransfer = new ReadOnlyBooleanWrapper(true);
  private final TaskExecutor fileTransfers;

  /** Asks routes' target models for the playtest's replies; one connection pool for all. */
  private final StreamingChatClient chatClient = new StreamingChatClient();

  private final Playtesting playtesting;

  /** The open workspace's screen, or {@code null}; its pane and transfers are kept at hand. */
  private WorkspaceScreen screen;

  private WorkspacePane workspacePane;
  private PolicyTransfers transfers;
  private final FirstRunPanel firstRun;

  /** One for the window: each workspace's playtest shows it, and it outlives them. */
  private final RouterModelBar modelBar;

  private GetArchRouterDialog getArchRouter;

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
    this.errors = errors;
    this.exitApplication = exitApplication;
    this.ids = ids;
    this.fileTransfers = fileTransfers;
    this.playtesting = playtesting;
    theme = Theme.atStartup(settings.current().darkTheme());
    theme.apply();
    // Choosers start in the open workspace's folder, or the default workspace folder.
    choosers =
        new FileChoosers(
            stage,
            () ->
                workspaces
                    .current()
                    .map(s -> s.path().getParent())
                    .orElse(workspaces.workspaceDir()));
    menuBar =
        new WorkbenchMenuBar(
            this, noWorkspace.getReadOnlyProperty(), noTransfer.getReadOnlyProperty());
    statusMessages = new StatusMessages(playtesting.typingTimer());
    statusBar =
        new StatusBar(
            workspaces.busyProperty(), statusMessages.textProperty(), playtesting.router());
    welcome =
        new WelcomePane(
            this::newWorkspace, this::openWorkspace, this::openRecent, workspaces.busyProperty());

    firstRun =
        new FirstRunPanel(
            settings,
            new FirstRunPanel.Steps(
                this::showTaxonomy,
                this::getArchRouter,
                this::openRouterModel,
                this::showPlaytest,
                () -> exportPolicies(ExportFormat.ARCHGW)),
            noWorkspace.getReadOnlyProperty().not());

    modelBar = new RouterModelBar(playtesting.router(), settings, errors, paths.modelDir());
    modelBar.acceptDroppedModels(root);
    modelBar.offerServers(fileTransfers);
    modelBar.offerServerCheck(
        new ServerCheck(
            playtesting.router(),
            () -> workspaces.current().map(s -> s.editor().document()).orElse(null)));
    modelBar.offerDownload(this::getArchRouter);
    modelBar.reconnectLastServer();

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

    var scene = new Scene(root);
    scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
    // Undo is the document's, wherever the focus is: text controls would otherwise take the keys
    // for their own, field-local undo.
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::undoKeys);
    stage.setScene(scene);
    var icon = MainWindow.class.getResource(ICON);
    if (icon != null) {
      stage.getIcons().add(new Image(icon.toExternalForm()));
    }
    stage
        .titleProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    workspaces
                        .current()
                        .map(s -> s.displayName() + " — RouteBench")
                        .orElse("RouteBench"),
                workspaces.currentProperty()));
    stage.setOnCloseRequest(
        event -> {
          event.consume();
          quit();
        });
    WindowStateKeeper.restore(stage, settings);
    WindowStateKeeper.track(stage, settings);
  }

  public void show() {
    stage.show();
  }

  /** The open workspace's pane, or {@code null}; for tests in this package. */
  WorkspacePane workspacePane() {
    return workspacePane;
  }

  /** Import and export for the open workspace, or {@code null}; for tests in this package. */
  PolicyTransfers transfers() {
    return transfers;
  }

  /** The status bar's message line; for tests in this package. */
  StatusMessages statusMessages() {
    return statusMessages;
  }

  @Override
  public void newWorkspace() {
    Path target = choosers.newWorkspace().orElse(null);
    if (target == null) {
      return;
    }
    if (Files.exists(target)) {
      errors.showError(
          "Cannot create workspace",
          target
              + " already exists. RouteBench never overwrites a workspace: choose another name,"
              + " or open this one with File ▸ Open.",
          null);
      return;
    }
    workspaces.create(target);
  }

  @Override
  public void openWorkspace() {
    choosers.openWorkspace().ifPresent(workspaces::open);
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
    if (transfers == null) {
      return;
    }
    choosers.policiesToImport().ifPresent(transfers::importFrom);
  }

  @Override
  public void exportPolicies(ExportFormat format) {
    openExport(format);
  }

  /**
   * Opens the export dialog on {@code format}, or does nothing without a workspace.
   *
   * @return the dialog shown, or {@code null}
   */
  ExportDialog openExport(ExportFormat format) {
    var session = workspaces.current().orElse(null);
    if (transfers == null || session == null) {
      return null;
    }
    var dialog =
        new ExportDialog(
            new ExportPreview(session.editor(), ExportChoice.of(format)),
            new ExportRunStatus(
                session.editor(),
                () -> session.file().suites(),
                () -> session.file().runs(),
                session.fileTasks()),
            transfers,
            session::displayName,
            () ->
                settings.current().exportFolder() != null
                    ? settings.current().exportFolder()
                    : session.path().toAbsolutePath().getParent(),
            folder -> settings.update(s -> s.withExportFolder(folder)),
            stage,
            stage.getScene().getStylesheets());
    dialog.show();
    return dialog;
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
    if (workspacePane != null
        && (workspacePane.undoInPlaytest() || workspacePane.suites().undo())) {
      return;
    }
    workspaces.current().ifPresent(session -> session.editor().undo());
  }

  @Override
  public void redo() {
    if (workspacePane != null && workspacePane.suites().redo()) {
      return;
    }
    workspaces.current().ifPresent(session -> session.editor().redo());
  }

  @Override
  public void importTestCases() {
    if (workspacePane != null) {
      choosers.testCasesToImport().ifPresent(workspacePane.suites()::importJsonl);
    }
  }

  @Override
  public void exportTestCases() {
    if (workspacePane != null) {
      choosers
          .suiteExport(workspacePane.suites().suggestedExportName())
          .ifPresent(workspacePane.suites()::exportJsonl);
    }
  }

  @Override
  public void addDomain() {
    if (workspacePane != null) {
      workspacePane.addDomain();
    }
  }

  @Override
  public void addAction() {
    if (workspacePane != null) {
      workspacePane.addAction();
    }
  }

  @Override
  public void deleteNode() {
    if (workspacePane != null) {
      workspacePane.taxonomy().deleteSelected();
    }
  }

  @Override
  public void moveNodeUp() {
    if (workspacePane != null) {
      workspacePane.taxonomy().moveSelectedUp();
    }
  }

  @Override
  public void moveNodeDown() {
    if (workspacePane != null) {
      workspacePane.taxonomy().moveSelectedDown();
    }
  }

  @Override
  public void connectRouterServer() {
    modelBar.showConnect(fileTransfers);
    showPlaytest();
  }

  @Override
  public void engineSettings() {
    modelBar.showEngineSettings(stage);
  }

  @Override
  public void checkCollisions() {
    workspaces
        .current()
        .ifPresent(
            session ->
                new CollisionCheckDialog(
                        new CollisionCheckViewModel(session.editor(), playtesting.router()))
                    .offerDoctor(() -> workspacePane().suites().treatCollisions())
                    .open(stage));
  }

  @Override
  public void parityRun() {
    workspaces
        .current()
        .ifPresent(
            session ->
                ParityDialog.open(
                    stage, session, playtesting.router(), fileTransfers, settings, errors));
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

  /** One window at a time: asking again brings the running download to the front. */
  @Override
  public void getArchRouter() {
    if (getArchRouter == null || !getArchRouter.isShowing()) {
      ArchRouterDownloads downloads;
      try {
        downloads = ArchRouterDownloads.fromSystem();
      } catch (IllegalArgumentException badSetting) {
        // A malformed HTTPS_PROXY or HF_ENDPOINT: say which, before any download.
        errors.showError("Cannot download Arch-Router", badSetting.getMessage(), null);
        return;
      }
      var viewModel =
          new GetArchRouterViewModel(
              downloads, fileTransfers, paths.modelDir(), this::loadRouterModel);
      getArchRouter = new GetArchRouterDialog(viewModel, stage);
    }
    getArchRouter.show();
  }

  @Override
  public void gettingStarted() {
    firstRun.show();
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
    return getArchRouter;
  }

  /** Loads a router model through the Playtest's model bar and shows the Playtest. */
  private void loadRouterModel(Path model) {
    modelBar.load(model);
    showPlaytest();
  }

  private void openRouterModel() {
    modelBar.chooseAndLoad(stage);
    showPlaytest();
  }

  private void showTaxonomy() {
    if (workspacePane != null) {
      workspacePane.showTaxonomy();
    }
  }

  private void showPlaytest() {
    if (workspacePane != null) {
      workspacePane.showPlaytest();
    }
  }

  private void show(WorkspaceSession session) {
    noWorkspace.set(session == null);
    menuBar.follow(session == null ? null : session.editor());
    noTransfer.unbind();
    if (screen != null) {
      screen.dispose();
    }
    if (session == null) {
      screen = null;
      workspacePane = null;
      transfers = null;
      noTransfer.set(true);
      welcome.showRecent(workspaces.recentWorkspaces());
      root.setCenter(welcome.root());
      statusBar.show(null, null, null);
      statusMessages.clear();
      return;
    }
    screen =
        new WorkspaceScreen(
            session,
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
                statusMessages));
    workspacePane = screen.pane();
    transfers = screen.transfers();
    noTransfer.bind(transfers.busyProperty());
    root.setCenter(screen.root());
  }

  private void undoKeys(KeyEvent event) {
    if (WorkbenchMenuBar.UNDO.match(event)) {
      undo();
      event.consume();
    } else if (WorkbenchMenuBar.REDO.match(event)
        || WorkbenchMenuBar.REDO_ALTERNATIVE.match(event)) {
      redo();
      event.consume();
    }
  }
}
