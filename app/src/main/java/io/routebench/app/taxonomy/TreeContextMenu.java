package io.routebench.app.taxonomy;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The taxonomy tree's context menu, opened by the mouse where it was clicked, or by the keyboard
 * (Shift+F10, the menu key) under the selected row.
 *
 * <p>Shown on request rather than set as the tree's context menu: a control's context menu puts its
 * accelerators into the whole scene, where Ctrl+C in another tab would copy a tree node. The keys
 * are the tree's own ({@link TreeActions#runShortcut}); the menu only shows them.
 */
final class TreeContextMenu {

  private static final KeyCombination MENU =
      new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);

  private final TreeView<TreeRow> tree;
  private final ContextMenu menu;

  TreeContextMenu(TreeView<TreeRow> tree, TreeActions actions) {
    this.tree = tree;
    menu = actions.contextMenu();
    tree.setOnContextMenuRequested(
        event -> {
          menu.show(tree, event.getScreenX(), event.getScreenY());
          event.consume();
        });
  }

  /**
   * Opens the menu under the selected row when {@code key} asks for it.
   *
   * @return whether it did
   */
  boolean showOnKey(KeyEvent key) {
    if (!MENU.match(key) && key.getCode() != KeyCode.CONTEXT_MENU) {
      return false;
    }
    Node anchor =
        tree.lookupAll(".tree-cell").stream()
            .filter(cell -> cell instanceof TreeCell<?> c && c.isSelected())
            .findFirst()
            .orElse(tree);
    var bounds = anchor.localToScreen(anchor.getBoundsInLocal());
    menu.show(anchor, bounds.getMinX() + 24, bounds.getMaxY());
    return true;
  }
}
