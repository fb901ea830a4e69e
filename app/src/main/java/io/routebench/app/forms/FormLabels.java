package io.routebench.app.forms;

import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The labels every form of the workbench uses, so the forms look and read alike. */
public final class FormLabels {

  private FormLabels() {}

  /** A field's name in the left column of a form grid, tied to the field for screen readers. */
  public static Label fieldLabel(String text, Node field) {
    var label = new Label(text);
    label.setLabelFor(field);
    label.getStyleClass().add("field-label");
    // Level with the first line of tall fields (description, fallbacks), not their middle.
    GridPane.setValignment(label, VPos.TOP);
    return label;
  }

  /** A line of explanation under a field. */
  public static Label help(String text) {
    var label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add("help");
    return label;
  }
}
