package io.routebench.app.forms;

import io.routebench.core.validation.Severity;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Shape;

/**
 * The glyphs of a problem's severity, the same wherever problems show (the Problems panel, the
 * taxonomy tree): a red dot for an error, an amber triangle for a warning.
 */
public final class SeverityIcons {

  private SeverityIcons() {}

  public static Shape of(Severity severity) {
    if (severity == Severity.ERROR) {
      var dot = new Circle(5);
      dot.getStyleClass().add("error-icon");
      return dot;
    }
    var triangle = new Polygon(0, 10, 5.5, 0, 11, 10);
    triangle.getStyleClass().add("warning-icon");
    return triangle;
  }
}
