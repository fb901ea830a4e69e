package io.routebench.app.shell;

import io.routebench.app.settings.SettingsStore;
import java.util.function.BooleanSupplier;
import javafx.scene.control.SplitPane;

/**
 * Restores a split pane's first divider from the settings and remembers where the user drags it.
 */
final class DividerMemory {

  private DividerMemory() {}

  static void remember(SplitPane pane, String key, SettingsStore settings) {
    remember(pane, key, settings, () -> true);
  }

  /**
   * @param recording whether a position now is the user's to keep (not, say, the pane laid out the
   *     other way round, or collapsed by the program)
   */
  static void remember(
      SplitPane pane, String key, SettingsStore settings, BooleanSupplier recording) {
    settings
        .current()
        .dividerPosition(key)
        .ifPresent(position -> pane.setDividerPositions(position));
    SplitPane.Divider divider = pane.getDividers().get(0);
    divider
        .positionProperty()
        .addListener(
            (obs, old, now) -> {
              if (recording.getAsBoolean()) {
                settings.update(s -> s.withDividerPosition(key, now.doubleValue()));
              }
            });
  }
}
