package io.routebench.app.shell;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.settings.WindowBounds;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where the user left it, if that place is still on a screen (monitors get
 * unplugged), and remembers every move, resize and maximize.
 */
final class WindowStateKeeper {

  static final double DEFAULT_WIDTH = 1280;
  static final double DEFAULT_HEIGHT = 820;

  private WindowStateKeeper() {}

  static void restore(Stage stage, SettingsStore settings) {
    var saved = settings.current().windowBounds();
    if (saved.isPresent() && isOnSomeScreen(saved.get())) {
      WindowBounds bounds = saved.get();
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
