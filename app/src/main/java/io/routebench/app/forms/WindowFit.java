package io.routebench.app.forms;

import io.routebench.app.settings.WindowBounds;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Keeps windows on the screen they are on: sized to their content when it grows (a message that
 * appears must not push the buttons off the window), and never larger than the screen or past its
 * edge (a 1280×820 window remembered from a large monitor, opened on a 1024×640 one).
 */
public final class WindowFit {

  private WindowFit() {}

  /** The usable part (without task bars) of the screen that holds most of {@code window}. */
  public static Rectangle2D screenOf(Window window) {
    return screenOf(window.getX(), window.getY(), window.getWidth(), window.getHeight());
  }

  /** The usable part of the screen that holds most of the rectangle, else the primary screen's. */
  public static Rectangle2D screenOf(double x, double y, double width, double height) {
    var screens = Screen.getScreensForRectangle(x, y, Math.max(1, width), Math.max(1, height));
    Screen screen = screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
    return screen.getVisualBounds();
  }

  /** Moves and shrinks {@code window} as little as needed to lie wholly on its screen. */
  public static void keepOnScreen(Window window) {
    Rectangle2D screen = screenOf(window);
    WindowBounds fitted =
        new WindowBounds(window.getX(), window.getY(), window.getWidth(), window.getHeight(), false)
            .fittedInto(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
    window.setWidth(fitted.width());
    window.setHeight(fitted.height());
    window.setX(fitted.x());
    window.setY(fitted.y());
  }

  /**
   * Sizes {@code stage} to its content (after the pending layout), then keeps it on its screen: for
   * windows whose content grows, e.g. with a message.
   */
  public static void growToContent(Stage stage) {
    Platform.runLater(
        () -> {
          if (stage.isShowing() && !stage.isMaximized()) {
            double width = stage.getWidth();
            stage.sizeToScene();
            // Grow only: a window the user widened stays as wide.
            stage.setWidth(Math.max(width, stage.getWidth()));
            keepOnScreen(stage);
          }
        });
  }
}
