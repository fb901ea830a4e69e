package io.routebench.app.forms;

import io.routebench.app.settings.WindowBounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
    if (!isPlaced(window)) {
      return;
    }
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
   * Grows {@code stage} whenever its content comes to want more room than the window gives it (a
   * message appears, the theme's fonts widen the buttons after the window was sized), as far as its
   * screen allows; a window the user made larger stays as large.
   */
  public static void growWithContent(Stage stage) {
    Scene scene = stage.getScene();
    Parent root = scene.getRoot();
    root.needsLayoutProperty()
        .addListener(
            (obs, was, needsLayout) -> {
              if (!needsLayout && stage.isShowing() && !stage.isMaximized()) {
                growIfWanted(stage, scene, root);
              }
            });
  }

  private static void growIfWanted(Stage stage, Scene scene, Parent root) {
    if (!isPlaced(stage) || scene.getWidth() <= 0 || scene.getHeight() <= 0) {
      // Still being shown: the window takes its first size from its content anyway.
      return;
    }
    double wantedWidth = root.prefWidth(-1);
    double wantedHeight = root.prefHeight(Math.max(wantedWidth, scene.getWidth()));
    boolean wider = wantedWidth > scene.getWidth() + 0.5;
    boolean taller = wantedHeight > scene.getHeight() + 0.5;
    if (!wider && !taller) {
      return;
    }
    // The window's decorations are what it has beyond its scene.
    double width = wantedWidth + stage.getWidth() - scene.getWidth();
    double height = wantedHeight + stage.getHeight() - scene.getHeight();
    Rectangle2D screen = screenOf(stage);
    stage.setWidth(Math.min(Math.max(stage.getWidth(), width), screen.getWidth()));
    stage.setHeight(Math.min(Math.max(stage.getHeight(), height), screen.getHeight()));
    keepOnScreen(stage);
  }

  /** Whether the window has a position and a size yet (they are NaN until it is first shown). */
  private static boolean isPlaced(Window window) {
    return !Double.isNaN(window.getX())
        && !Double.isNaN(window.getY())
        && !Double.isNaN(window.getWidth())
        && !Double.isNaN(window.getHeight());
  }
}
