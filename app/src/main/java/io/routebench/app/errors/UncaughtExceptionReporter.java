package io.routebench.app.errors;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * The last stop for exceptions nobody handled, on any thread: they are logged, and the user sees
 * one dialog at a time (a burst of the same failure must not bury the window in dialogs).
 */
public final class UncaughtExceptionReporter implements Thread.UncaughtExceptionHandler {

  private static final System.Logger LOG =
      System.getLogger(UncaughtExceptionReporter.class.getName());

  private final ErrorReporter dialogs;
  private final Path logFile;
  private boolean dialogShowing;

  /**
   * @param logFile named in the dialog so the user knows what to attach to a bug report
   */
  public UncaughtExceptionReporter(ErrorReporter dialogs, Path logFile) {
    this.dialogs = dialogs;
    this.logFile = logFile;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable failure) {
    LOG.log(Level.ERROR, "unexpected failure on thread " + thread.getName(), failure);
    if (Platform.isFxApplicationThread()) {
      show(failure);
    } else {
      try {
        Platform.runLater(() -> show(failure));
      } catch (IllegalStateException toolkitGone) {
        // Shutting down: the log has it.
      }
    }
  }

  /** A failure of background work that had no failure callback of its own. */
  public void unhandledTaskFailure(Throwable failure) {
    uncaughtException(Thread.currentThread(), failure);
  }

  private void show(Throwable failure) {
    if (dialogShowing) {
      return;
    }
    dialogShowing = true;
    try {
      dialogs.showError(
          "Something went wrong",
          "RouteBench ran into an unexpected problem: "
              + describe(failure)
              + "\nYour edits are saved as you make them. The details are in "
              + logFile
              + ".",
          failure);
    } finally {
      dialogShowing = false;
    }
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
