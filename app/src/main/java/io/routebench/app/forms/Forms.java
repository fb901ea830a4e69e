package io.routebench.app.forms;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The pieces every form of the workbench is built from, so the forms look and read alike. */
public final class Forms {

  private Forms() {}

  /** A button with an id for tests and keyboard users' scripts, running {@code action}. */
  public static Button button(String text, String id, Runnable action) {
    var button = new Button(text);
    button.setId(id);
    button.setOnAction(e -> action.run());
    return button;
  }

  /** Two columns: labels at their natural width, fields taking the rest. */
  public static GridPane grid() {
    var grid = new GridPane();
    grid.getStyleClass().add("details-form");
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    var labels = new ColumnConstraints();
    labels.setMinWidth(Control.USE_PREF_SIZE);
    var fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, fields);
    return grid;
  }

  /** A choice among {@code values}, each shown as {@code name} gives it (the name users type). */
  public static <E> ChoiceBox<E> choiceBox(List<E> values, Function<E, String> name) {
    var choice = new ChoiceBox<E>();
    choice.getItems().setAll(values);
    choice.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(E value) {
            return value == null ? "" : name.apply(value);
          }

          @Override
          public E fromString(String text) {
            return values.stream().filter(v -> name.apply(v).equals(text)).findFirst().orElse(null);
          }
        });
    return choice;
  }

  /** A field's name in the left column of a form grid, tied to the field for screen readers. */
  public static Label fieldLabel(String text, Node field) {
    var label = new Label(text);
    label.setLabelFor(field);
    label.getStyleClass().add("field-label");
    // Level with the first line of tall fields (description, fallbacks), not their middle.
    GridPane.setValignment(label, VPos.TOP);
    return label;
  }

  /**
   * What an empty list or table says instead of rows. It wraps: a narrow list must not cut the one
   * hint it shows to "Save a playtest a…".
   */
  public static Label placeholder(String text) {
    var label = new Label(text);
    label.setWrapText(true);
    label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    label.setPadding(new Insets(8));
    return label;
  }

  /** A line of explanation under a field. */
  public static Label help(String text) {
    var label = new Label(text);
    label.setWrapText(true);
    // In a VBox a wrapping label is otherwise squeezed to one line and cut off.
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.getStyleClass().add("help");
    return label;
  }
}
