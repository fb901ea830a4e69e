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

  /** Where dividers were left: the app settings, so that the layout outlives the window. */
  interface Positions {
    Optional<Double> position(String key);

    void moved(String key, double position);
  }

  private final SplitPane split = new SplitPane();
  private final Node main;
  private final Node side;
  private final boolean sideFirst;
  private final String key;
  private final double defaultPosition;
  private final Positions positions;
  private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

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
              if (shown.get() && split.getItems().size() == 2) {
                positions.moved(key, now.doubleValue());
              }
            });
  }
}
