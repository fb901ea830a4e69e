package io.routebench.app;

import io.routebench.app.errors.ErrorDialogs;
import io.routebench.app.errors.UncaughtExceptionReporter;
import io.routebench.app.routing.LlamaCppLoader;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.StoredEngineSettings;
import io.routebench.app.routing.WrappingFollower;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.shell.MainWindow;
import io.routebench.app.tasks.AppExecutors;
import io.routebench.app.tasks.FxTaskExecutor;
import io.routebench.app.tasks.FxUiTimer;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.workspace.DocumentAutosaver;
import io.routebench.app.workspace.WorkspaceManager;
import io.routebench.app.workspace.WorkspaceStore;
import io.routebench.inference.llama.FirstLoadCheck;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import javafx.stage.Stage;

/**
 * The workbench's composition root: creates every long-lived object once, wires them by
 * constructor, and tears them down in order. The JavaFX {@code Application} and the UI tests both
 * start the workbench through here, so tests run the real wiring.
 */
public final class Workbench {

  private static final System.Logger LOG = System.getLogger(Workbench.class.getName());

  private final AppExecutors executors;
  private final SettingsStore settings;
  private final WorkspaceManager workspaces;
  private final MainWindow window;
  private final UncaughtExceptionReporter uncaughtExceptions;
  private final LocalRouter router;

  private Workbench(
      AppExecutors executors,
      SettingsStore settings,
      WorkspaceManager workspaces,
      MainWindow window,
      UncaughtExceptionReporter uncaughtExceptions,
      LocalRouter router) {
    this.executors = executors;
    this.settings = settings;
    this.workspaces = workspaces;
    this.window = window;
    this.uncaughtExceptions = uncaughtExceptions;
    this.router = router;
  }

  /**
   * What differs between a real start and a test.
   *
   * @param workspaceToOpen a workspace named on the command line
   * @param logFile named in error dialogs
   * @param exitApplication ends the application after a successful quit
   */
  public record Options(
      AppPaths paths,
      WorkspaceStore store,
      Optional<Path> workspaceToOpen,
      Path logFile,
      Runnable exitApplication) {}

  /** Builds the workbench on {@code stage}, shows it and opens the start-up workspace. */
  public static Workbench start(Stage stage, Options options) {
    AppPaths paths = options.paths();
    var dialogs = new ErrorDialogs(() -> stage);
    var uncaught = new UncaughtExceptionReporter(dialogs, options.logFile());
    try {
      paths.createDirectories();
    } catch (IOException e) {
      LOG.log(Level.ERROR, "cannot create the RouteBench folders under " + paths.home(), e);
      dialogs.showError(
          "Cannot create RouteBench's folders",
          "RouteBench keeps its workspaces, models and logs under "
              + paths.home()
              + ", which could not be created ("
              + e.getMessage()
              + "). Choose another place with the ROUTEBENCH_HOME environment variable (see the"
              + " README).",
          e);
    }
    AppExecutors executors = AppExecutors.create(uncaught);
    SettingsStore settings =
        SettingsStore.load(
            paths.settingsFile(),
            AppVersion.current(),
            executors.timers(),
            SettingsStore.DEFAULT_SAVE_DELAY);
    TaskExecutor workspaceIo =
        new FxTaskExecutor(executors.workspaceIo(), uncaught::unhandledTaskFailure);
    var workspaces =
        new WorkspaceManager(
            options.store(),
            settings,
            paths.workspaceDir(),
            workspaceIo,
            workspaceIo,
            new FxUiTimer(executors.timers()),
            DocumentAutosaver.DEFAULT_INTERVAL,
            dialogs);
    // The router follows the open workspace's serving engine; the loader reads it at each load.
    var wrapping = new WrappingFollower.Current();
    var router =
        new LocalRouter(
            new LlamaCppLoader(
                () -> StoredEngineSettings.read(settings.current()),
                FirstLoadCheck.recordingIn(paths.checkedModelsFile()),
                wrapping),
            new FxTaskExecutor(executors.engine(), uncaught::unhandledTaskFailure));
    new WrappingFollower(workspaces.currentProperty(), router, dialogs, wrapping);
    var window =
        new MainWindow(
            stage,
            workspaces,
            settings,
            paths,
            dialogs,
            options.exitApplication(),
            () -> UUID.randomUUID().toString(),
            new FxTaskExecutor(executors.workers(), uncaught::unhandledTaskFailure),
            new MainWindow.Playtesting(router, new FxUiTimer(executors.timers())));
    window.show();
    // Reading (or, on a first start, creating) the workspace parses YAML and opens SQLite: it
    // waits for the first frame, so the window appears without competing for the CPU.
    AfterFirstFrame.run(stage, () -> workspaces.openAtStartup(options.workspaceToOpen()));
    return new Workbench(executors, settings, workspaces, window, uncaught, router);
  }

  public WorkspaceManager workspaces() {
    return workspaces;
  }

  public MainWindow window() {
    return window;
  }

  /** The router model the playtest decides with. */
  public LocalRouter router() {
    return router;
  }

  public UncaughtExceptionReporter uncaughtExceptions() {
    return uncaughtExceptions;
  }

  /**
   * Releases everything: the open workspace (saving its last edit), the settings, the threads. Safe
   * to call after a quit has already closed the workspace.
   */
  public void shutdown() {
    workspaces.close();
    settings.flush();
    router.unload();
    executors.shutdown();
  }
}
