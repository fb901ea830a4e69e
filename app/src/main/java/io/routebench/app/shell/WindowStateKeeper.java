package io.routebench.app.shell;

import io.routebench.app.forms.WindowFit;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.settings.WindowBounds;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where the user left it, if that place is still on a screen (monitors get
 * unplugged) and moved and shrunk onto that screen where it no longer fits (a smaller monitor or
 * resolution), and remembers every move, resize and maximize.
 */
final class WindowStateKeeper {

  static final double DEFAULT_WIDTH = 1280;
  static final double DEFAULT_HEIGHT = 820;

  private WindowStateKeeper() {}

  static void restore(Stage stage, SettingsStore settings) {
    var saved = settings.current().windowBounds();
    if (saved.isPresent() && isOnSomeScreen(saved.get())) {
      // Remembered on a larger monitor, it may not fit this one: never past the screen's edge.
      WindowBounds remembered = saved.get();
      Rectangle2D screen =
          WindowFit.screenOf(
              remembered.x(), remembered.y(), remembered.width(), remembered.height());
      WindowBounds bounds =
          remembered.fittedInto(
              screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
      stage.setX(bounds.x());
      stage.setY(bounds.y());
      stage.setWidth(bounds.width());
      stage.setHeight(bounds.height());
      stage.setMaximized(bounds.maximized());
      return;
    }
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
    stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
    stage.centerOnScreen();
  }

  static void track(Stage stage, SettingsStore settings) {
    Runnable boundsChanged =
        () -> {
          // A maximized or minimized window's bounds are not the ones to restore later.
          if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
            settings.update(
                s ->
                    s.withWindow(
                        new WindowBounds(
                            stage.getX(),
                            stage.getY(),
                            stage.getWidth(),
                            stage.getHeight(),
                            false)));
          }
        };
    stage.xProperty().addListener(o -> boundsChanged.run());
    stage.yProperty().addListener(o -> boundsChanged.run());
    stage.widthProperty().addListener(o -> boundsChanged.run());
    stage.heightProperty().addListener(o -> boundsChanged.run());
    stage
        .maximizedProperty()
        .addListener(
            (obs, was, maximized) ->
                settings.update(
                    s ->
                        s.withWindow(
                            s.windowBounds()
                                .orElse(
                                    new WindowBounds(
                                        stage.getX(),
                                        stage.getY(),
                                        stage.getWidth(),
                                        stage.getHeight(),
                                        false))
                                .withMaximized(maximized))));
  }

  private static boolean isOnSomeScreen(WindowBounds bounds) {
    // At least the title bar's middle must be reachable with the mouse.
    return !Screen.getScreensForRectangle(bounds.x() + bounds.width() / 2 - 50, bounds.y(), 100, 30)
        .isEmpty();
  }
}
