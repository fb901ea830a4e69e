package io.routebench.app;

import io.routebench.app.errors.AppLogging;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.workspace.SqliteWorkspaceStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application; started by {@link Main}. */
public final class WorkbenchApplication extends Application {

  private static final System.Logger LOG = System.getLogger(WorkbenchApplication.class.getName());

  private Workbench workbench;

  @Override
  public void start(Stage stage) throws IOException {
    AppPaths paths = AppPaths.fromSystem();
    Path logFile = AppLogging.install(paths.logDir());
    LOG.log(
        Level.INFO,
        "RouteBench {0} starting on Java {1}; data in {2}",
        AppVersion.current(),
        Runtime.version(),
        paths.home());
    List<String> args = getParameters().getRaw();
    Optional<Path> workspace =
        args.isEmpty() ? Optional.empty() : Optional.of(Path.of(args.get(0)));
    workbench =
        Workbench.start(
            stage,
            new Workbench.Options(
                paths,
                new SqliteWorkspaceStore(paths.lockDir()),
                workspace,
                logFile,
                Platform::exit));
    Thread.setDefaultUncaughtExceptionHandler(workbench.uncaughtExceptions());
    Thread.currentThread().setUncaughtExceptionHandler(workbench.uncaughtExceptions());
    if (FirstWindowProbe.requested()) {
      FirstWindowProbe.reportAfterFirstFrame(stage, System.out);
    }
  }

  @Override
  public void stop() {
    if (workbench != null) {
      workbench.shutdown();
    }
  }
}
