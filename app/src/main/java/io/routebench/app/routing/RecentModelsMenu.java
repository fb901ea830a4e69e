package io.routebench.app.routing;

import io.routebench.app.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
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
  private final MenuButton menu;

  /**
   * @param menu the button whose menu lists them (the arrow of the Load button)
   */
  RecentModelsMenu(SettingsStore settings, MenuButton menu, Consumer<Path> load) {
    this.settings = settings;
    this.load = load;
    this.menu = menu;
    menu.setOnShowing(e -> refresh());
    refresh();
  }

  /** Lists the remembered models, or says that there are none yet. */
  void refresh() {
    List<Path> recent = settings.current().recentModels();
    if (recent.isEmpty()) {
      var none = new MenuItem("No recent models yet: the models you load are listed here");
      none.setDisable(true);
      menu.getItems().setAll(none);
    } else {
      menu.getItems().setAll(recent.stream().map(this::item).toList());
    }
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
