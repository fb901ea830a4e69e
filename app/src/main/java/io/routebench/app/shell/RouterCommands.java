package io.routebench.app.shell;

import io.routebench.app.collision.CollisionCheckDialog;
import io.routebench.app.collision.CollisionCheckViewModel;
import io.routebench.app.download.ArchRouterDownloads;
import io.routebench.app.download.GetArchRouterDialog;
import io.routebench.app.download.GetArchRouterViewModel;
import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.parity.ParityDialog;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterModelBar;
import io.routebench.app.routing.ServerCheck;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.workspace.WorkspaceManager;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * The window's commands about the router model: get Arch-Router, load a model file, connect to a
 * router server, the engine settings, and the checks run with the loaded router (policy collisions,
 * the parity run with plano). The model bar offers the same from the playtest, so its offers are
 * wired here too.
 */
final class RouterCommands {

  private final Stage stage;
  private final RouterModelBar modelBar;
  private final LocalRouter router;
  private final WorkspaceManager workspaces;
  private final CurrentScreen current;
  private final SettingsStore settings;
  private final ErrorReporter errors;
  private final AppPaths paths;
  private final TaskExecutor fileTransfers;

  private GetArchRouterDialog getArchRouter;

  /**
   * @param modelBar the window's one model bar, which every workspace's playtest shows
   * @param dropTarget where model files dropped on the window are taken from
   * @param fileTransfers downloads the model and talks to router servers
   */
  RouterCommands(
      Stage stage,
      RouterModelBar modelBar,
      Node dropTarget,
      WorkspaceManager workspaces,
      CurrentScreen current,
      SettingsStore settings,
      ErrorReporter errors,
      AppPaths paths,
      TaskExecutor fileTransfers,
      LocalRouter router) {
    this.stage = stage;
    this.modelBar = modelBar;
    this.router = router;
    this.workspaces = workspaces;
    this.current = current;
    this.settings = settings;
    this.errors = errors;
    this.paths = paths;
    this.fileTransfers = fileTransfers;
    modelBar.acceptDroppedModels(dropTarget);
    modelBar.offerServers(fileTransfers);
    modelBar.offerServerCheck(
        new ServerCheck(
            router, () -> workspaces.current().map(s -> s.editor().document()).orElse(null)));
    modelBar.offerDownload(this::getArchRouter);
    modelBar.reconnectLastServer();
  }

  /** One window at a time: asking again brings the running download to the front. */
  void getArchRouter() {
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

  /** The Get Arch-Router window last opened, or {@code null}. */
  GetArchRouterDialog getArchRouterDialog() {
    return getArchRouter;
  }

  /** Asks for a model file, loads it and shows the Playtest. */
  void openRouterModel() {
    modelBar.chooseAndLoad(stage);
    showPlaytest();
  }

  void connectRouterServer() {
    modelBar.showConnect(fileTransfers);
    showPlaytest();
  }

  void engineSettings() {
    modelBar.showEngineSettings(stage);
  }

  void checkCollisions() {
    workspaces
        .current()
        .ifPresent(
            session ->
                new CollisionCheckDialog(new CollisionCheckViewModel(session.editor(), router))
                    .offerDoctor(() -> current.pane().suites().treatCollisions())
                    .open(stage));
  }

  void parityRun() {
    workspaces
        .current()
        .ifPresent(
            session -> ParityDialog.open(stage, session, router, fileTransfers, settings, errors));
  }

  /** Loads a downloaded router model and shows the Playtest, where it decides. */
  private void loadRouterModel(Path model) {
    modelBar.load(model);
    showPlaytest();
  }

  private void showPlaytest() {
    current.withPane(WorkspacePane::showPlaytest);
  }
}
