package io.routebench.app.playtest;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A split pane whose side part can be put away and brought back, giving its room to the main part
 * meanwhile. Where the user leaves the divider is remembered under a key, and the side part comes
 * back at that size.
 */
final class SideSplit {

  /** About a divider's thickness and the split pane's padding. */
  private static final double DIVIDER_ROOM = 8;

  /**
   * Where dividers were left, and which side parts the user showed or hid: the app settings, so
   * that the layout outlives the window.
   */
  interface Positions {
    Optional<Double> position(String key);

    void moved(String key, double position);

    /** Whether the user left the side part {@code key} shown; empty if they never chose. */
    default Optional<Boolean> shown(String key) {
      return Optional.empty();
    }

    default void shownChosen(String key, boolean shown) {}
  }

  private final SplitPane split = new SplitPane();
  private final Node main;
  private final Node side;
  private final boolean sideFirst;
  private final String key;
  private final double defaultPosition;
  private final Positions positions;
  private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

  /** Set while the divider is moved to keep the main part whole: not the user's position. */
  private boolean clamping;

  /**
   * @param sideFirst whether the side part is left of (or above) the main part
   * @param defaultPosition the divider's position until the user moves it
   */
  SideSplit(
      Orientation orientation,
      Node main,
      Node side,
      boolean sideFirst,
      String key,
      double defaultPosition,
      Positions positions) {
    this.main = main;
    this.side = side;
    this.sideFirst = sideFirst;
    this.key = key;
    this.defaultPosition = defaultPosition;
    this.positions = positions;
    split.setOrientation(orientation);
    // A larger window gives its room to the main part; the side part keeps its size.
    SplitPane.setResizableWithParent(side, false);
    split.getItems().setAll(main);
    shown.addListener((obs, was, now) -> layOut(now));
    (orientation == Orientation.VERTICAL ? split.heightProperty() : split.widthProperty())
        .addListener((obs, old, now) -> keepTheMainPartsMinimum());
  }

  SplitPane root() {
    return split;
  }

  /** Whether the side part is shown. */
  BooleanProperty shownProperty() {
    return shown;
  }

  private void layOut(boolean withSide) {
    if (!withSide) {
      split.getItems().setAll(main);
      return;
    }
    split.getItems().setAll(sideFirst ? side : main, sideFirst ? main : side);
    split.setDividerPositions(positions.position(key).orElse(defaultPosition));
    // A new divider for each showing: only a shown side part's divider is the user's to keep.
    split
        .getDividers()
        .get(0)
        .positionProperty()
        .addListener(
            (obs, old, now) -> {
              if (shown.get() && split.getItems().size() == 2 && !clamping) {
                positions.moved(key, now.doubleValue());
                keepTheMainPartsMinimum();
              }
            });
    keepTheMainPartsMinimum();
  }

  /** A side-by-side split pane reports less than its tallest part needs: ask the parts. */
  private static double minHeight(Node node) {
    if (node instanceof SplitPane pane && pane.getOrientation() == Orientation.HORIZONTAL) {
      return pane.getItems().stream().mapToDouble(SideSplit::minHeight).max().orElse(0);
    }
    return node.minHeight(-1);
  }

  private static double minWidth(Node node) {
    if (node instanceof SplitPane pane && pane.getOrientation() == Orientation.VERTICAL) {
      return pane.getItems().stream().mapToDouble(SideSplit::minWidth).max().orElse(0);
    }
    return node.minWidth(-1);
  }

  /**
   * Moves the divider so that the main part gets at least its minimum size: the split pane lets a
   * divider set from the settings (or dragged) squeeze it below, and a small window then clips the
   * conversation's controls. The position the user chose stays remembered for a larger window.
   */
  private void keepTheMainPartsMinimum() {
    if (!shown.get() || split.getItems().size() < 2) {
      return;
    }
    boolean vertical = split.getOrientation() == Orientation.VERTICAL;
    double total = vertical ? split.getHeight() : split.getWidth();
    if (total <= 0) {
      return;
    }
    double mainMinimum = vertical ? minHeight(main) : minWidth(main);
    double limit = Math.min(1, (mainMinimum + DIVIDER_ROOM) / total);
    SplitPane.Divider divider = split.getDividers().get(0);
    double allowed =
        sideFirst
            ? Math.min(divider.getPosition(), 1 - limit)
            : Math.max(divider.getPosition(), limit);
    if (allowed != divider.getPosition()) {
      clamping = true;
      divider.setPosition(allowed);
      clamping = false;
    }
  }
}
