package io.routebench.app.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Shows errors as dialogs owned by the main window, with the stack trace behind "Details". */
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

  @Override
  public void showError(String title, String message, Throwable detail) {
    Alert alert = alert(Alert.AlertType.ERROR, title, message);
    if (detail != null) {
      var trace = new TextArea(stackTrace(detail));
      trace.setEditable(false);
      trace.setWrapText(false);
      trace.setPrefRowCount(14);
      VBox.setVgrow(trace, Priority.ALWAYS);
      alert.getDialogPane().setExpandableContent(new VBox(new Label("Details:"), trace));
    }
    show(alert);
  }

  @Override
  public void showWarning(String title, String message) {
    show(alert(Alert.AlertType.WARNING, title, message));
  }

  private Alert alert(Alert.AlertType type, String title, String message) {
    Alert alert = new Alert(type);
    alert.setTitle("RouteBench");
    alert.setHeaderText(title);
    var text = new Label(message);
    text.setWrapText(true);
    text.setMaxWidth(520);
    alert.getDialogPane().setContent(text);
    if (message.lines().count() > SCROLL_FROM_LINES) {
      // A long list (every route of a big taxonomy) must not push the buttons off the screen.
      var scroll = new ScrollPane(text);
      scroll.setFitToWidth(true);
      scroll.setPrefViewportHeight(360);
      alert.getDialogPane().setContent(scroll);
    }
    // Without a preferred width the dialog grows to the longest line instead of wrapping it.
    alert.getDialogPane().setPrefWidth(580);
    Window window = owner.get();
    if (window != null && window.isShowing()) {
      alert.initOwner(window);
    }
    return alert;
  }

  private static void show(Alert alert) {
    // showAndWait is refused while JavaFX lays out or animates; a plain show is enough there.
    if (Platform.canStartNestedEventLoop()) {
      alert.showAndWait();
    } else {
      alert.show();
    }
  }

  private static String stackTrace(Throwable failure) {
    var out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
