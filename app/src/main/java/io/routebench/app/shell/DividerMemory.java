package io.routebench.app.shell;

import io.routebench.app.settings.SettingsStore;
import javafx.scene.control.SplitPane;

/**
 * Restores a split pane's first divider from the settings and remembers where the user drags it.
 */
final class DividerMemory {

  private DividerMemory() {}

  static void remember(SplitPane pane, String key, SettingsStore settings) {
    settings
        .current()
        .dividerPosition(key)
        .ifPresent(position -> pane.setDividerPositions(position));
    SplitPane.Divider divider = pane.getDividers().get(0);
    divider
        .positionProperty()
        .addListener(
            (obs, old, now) -> settings.update(s -> s.withDividerPosition(key, now.doubleValue())));
  }
}
