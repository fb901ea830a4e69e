package io.routebench.app.routing;

import io.routebench.app.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/**
 * The router models that loaded before, most recent first, one click away; a file that has been
 * moved or deleted since is listed but cannot be chosen, so the user sees why it is not there. Read
 * from the settings each time the menu opens, so it always lists what is remembered now.
 */
final class RecentModelsMenu {

  private final SettingsStore settings;
  private final Consumer<Path> load;
  private final MenuButton root = new MenuButton("Recent");

  private final BooleanProperty empty = new SimpleBooleanProperty();

  /**
   * @param busy while true (a model is loading), nothing can be chosen
   */
  RecentModelsMenu(SettingsStore settings, ObservableBooleanValue busy, Consumer<Path> load) {
    this.settings = settings;
    this.load = load;
    root.setId("recentRouterModelsButton");
    root.disableProperty().bind(empty.or(busy));
    root.setMinWidth(MenuButton.USE_PREF_SIZE);
    root.setOnShowing(e -> refresh());
    refresh();
  }

  MenuButton root() {
    return root;
  }

  /** Lists the remembered models; disabled, with nothing to show, when there are none. */
  void refresh() {
    List<Path> recent = settings.current().recentModels();
    root.getItems().setAll(recent.stream().map(this::item).toList());
    empty.set(recent.isEmpty());
  }

  private MenuItem item(Path model) {
    boolean present = Files.isRegularFile(model);
    var item =
        new MenuItem(model.getFileName() + (present ? "" : " (missing)") + " — " + folder(model));
    item.setMnemonicParsing(false);
    item.setDisable(!present);
    item.setOnAction(e -> load.accept(model));
    return item;
  }

  private static String folder(Path model) {
    Path parent = model.getParent();
    return parent == null ? "" : parent.toString();
  }
}
