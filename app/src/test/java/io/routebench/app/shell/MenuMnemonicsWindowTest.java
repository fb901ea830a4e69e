package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The menus work from the keyboard: Alt and a letter, as in every desktop application. */
class MenuMnemonicsWindowTest extends WorkbenchFixture {

  @Test
  void every_menu_and_item_has_its_own_alt_letter() {
    List<Menu> menus = menuBar().getMenus();
    assertThat(mnemonicsOf(menus)).as("the menus").doesNotHaveDuplicates().hasSize(menus.size());
    for (Menu menu : menus) {
      List<MenuItem> items =
          menu.getItems().stream()
              .filter(i -> !(i instanceof SeparatorMenuItem) && i.isMnemonicParsing())
              .toList();
      assertThat(mnemonicsOf(items))
          .as("the items of %s", menu.getText())
          .doesNotHaveDuplicates()
          .hasSize(items.size());
    }
  }

  @Test
  void alt_and_the_letter_opens_the_menu() {
    for (Menu menu : menuBar().getMenus()) {
      KeyCode letter = KeyCode.getKeyCode(mnemonicOf(menu.getText()).toUpperCase(Locale.ROOT));

      press(KeyCode.ALT).press(letter).release(letter).release(KeyCode.ALT);
      WaitForAsyncUtils.waitForFxEvents();

      assertThat(menu.isShowing()).as(menu.getText()).isTrue();
      push(KeyCode.ESCAPE).push(KeyCode.ESCAPE);
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  private MenuBar menuBar() {
    return lookup(".menu-bar").queryAs(MenuBar.class);
  }

  private static List<String> mnemonicsOf(List<? extends MenuItem> items) {
    var letters = new ArrayList<String>();
    for (MenuItem item : items) {
      String letter = mnemonicOf(item.getText());
      if (letter != null) {
        letters.add(letter);
      }
    }
    return letters;
  }

  /** The letter after the first single underscore, lower case; {@code null} without one. */
  private static String mnemonicOf(String text) {
    Set<Integer> escaped = new HashSet<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      if (text.charAt(i) == '_' && !escaped.contains(i)) {
        if (text.charAt(i + 1) == '_') {
          escaped.add(i + 1);
          continue;
        }
        return String.valueOf(text.charAt(i + 1)).toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }
}
