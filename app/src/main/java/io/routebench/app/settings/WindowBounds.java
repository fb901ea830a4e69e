package io.routebench.app.settings;

/** The main window's last position and size, restored on the next start. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

  public WindowBounds withMaximized(boolean newMaximized) {
    return new WindowBounds(x, y, width, height, newMaximized);
  }

  /**
   * These bounds moved and shrunk as little as needed to lie wholly within the screen area given:
   * no larger than it, and no edge past its edges.
   */
  public WindowBounds fittedInto(
      double screenX, double screenY, double screenWidth, double screenHeight) {
    double fittedWidth = Math.min(width, screenWidth);
    double fittedHeight = Math.min(height, screenHeight);
    double fittedX = Math.max(screenX, Math.min(x, screenX + screenWidth - fittedWidth));
    double fittedY = Math.max(screenY, Math.min(y, screenY + screenHeight - fittedHeight));
    return new WindowBounds(fittedX, fittedY, fittedWidth, fittedHeight, maximized);
  }
}
