package io.routebench.app.settings;

/** The main window's last position and size, restored on the next start. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

  public WindowBounds withMaximized(boolean newMaximized) {
    return new WindowBounds(x, y, width, height, newMaximized);
  }
}
