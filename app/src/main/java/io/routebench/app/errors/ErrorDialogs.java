package io.routebench.app.errors;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Window;
import org.controlsfx.dialog.ExceptionDialog;

/** Shows errors as dialogs owned by the main window, with the stack trace behind the details. */
public final class ErrorDialogs implements ErrorReporter {

  /** Messages with more lines than this scroll inside the dialog. */
  private static final int SCROLL_FROM_LINES = 18;

  private final Supplier<Window> owner;

  /**
   * @param owner the window the dialogs belong to (may supply {@code null} before it exists)
   */
  public ErrorDialogs(Supplier<Window> owner) {
    this.owner = owner;
  }

  /**
   * With a cause, ControlsFX's {@link ExceptionDialog}: the message, and the stack trace behind
   * "Show Details" for a bug report.
   */
  @Override
  public void showError(String title, String message, Throwable detail) {
    show(
        decorate(
            detail == null ? new Alert(Alert.AlertType.ERROR) : new ExceptionDialog(detail),
            title,
            message));
  }

  @Override
  public void showWarning(String title, String message) {
    show(decorate(new Alert(Alert.AlertType.WARNING), title, message));
  }

  private Dialog<ButtonType> decorate(Dialog<ButtonType> dialog, String title, String message) {
    dialog.setTitle("RouteBench");
    dialog.setHeaderText(title);
    var text = new Label(message);
    text.setWrapText(true);
    text.setMaxWidth(520);
    dialog.getDialogPane().setContent(text);
    if (message.lines().count() > SCROLL_FROM_LINES) {
      // A long list (every route of a big taxonomy) must not push the buttons off the screen.
      var scroll = new ScrollPane(text);
      scroll.setFitToWidth(true);
      scroll.setPrefViewportHeight(360);
      dialog.getDialogPane().setContent(scroll);
    }
    // Without a preferred width the dialog grows to the longest line instead of wrapping it.
    dialog.getDialogPane().setPrefWidth(580);
    Window window = owner.get();
    if (window != null && window.isShowing()) {
      dialog.initOwner(window);
    }
    return dialog;
  }

  private static void show(Dialog<?> dialog) {
    // showAndWait is refused while JavaFX lays out or animates; a plain show is enough there.
    if (Platform.canStartNestedEventLoop()) {
      dialog.showAndWait();
    } else {
      dialog.show();
    }
  }
}
