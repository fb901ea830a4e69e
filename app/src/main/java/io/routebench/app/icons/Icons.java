package io.routebench.app.icons;

import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Puts Feather icons on controls. The glyphs are font icons, so they stay sharp at any scale, and
 * AtlantaFX colours them from the theme ({@code -color-fg-default}): they follow light and dark
 * without a stylesheet of their own. Icons go where they help recognition (tabs, frequent buttons,
 * menus); the text stays, because the workbench is learnt by reading it.
 */
public final class Icons {

  /** Icon size in pixels next to text of the default font size. */
  private static final int SIZE = 14;

  private Icons() {}

  public static FontIcon icon(Ikon ikon) {
    var icon = new FontIcon(ikon);
    icon.setIconSize(SIZE);
    return icon;
  }

  public static <T extends Labeled> T on(T control, Ikon ikon) {
    control.setGraphic(icon(ikon));
    return control;
  }

  public static <T extends MenuItem> T on(T item, Ikon ikon) {
    item.setGraphic(icon(ikon));
    return item;
  }

  public static Tab on(Tab tab, Ikon ikon) {
    tab.setGraphic(icon(ikon));
    return tab;
  }
}
