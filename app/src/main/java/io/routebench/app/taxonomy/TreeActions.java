package io.routebench.app.taxonomy;

import io.routebench.app.icons.Icons;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The tree's commands as ControlsFX actions: each has one text, one shortcut and one enabled state,
 * shown alike by the toolbar button and the context-menu item made from it (JabRef's {@code
 * ActionFactory} does the same), so the two can never disagree.
 */
final class TreeActions {

  private static final KeyCombination RENAME = new KeyCodeCombination(KeyCode.F2);
  private static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
  private static final KeyCombination MOVE_UP =
      new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
  private static final KeyCombination MOVE_DOWN =
      new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
  private static final KeyCombination DUPLICATE =
      new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination CUT =
      new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination PASTE =
      new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

  private final Action addDomain;
  private final Action addAction;
  private final Action rename;
  private final Action duplicate;
  private final Action cut;
  private final Action copy;
  private final Action paste;
  private final Action moveUp;
  private final Action moveDown;
  private final Action delete;

  /** What the actions do, and when they can. */
  record Commands(
      Runnable addDomain,
      Runnable addAction,
      Runnable rename,
      Runnable duplicate,
      Runnable cut,
      Runnable copy,
      Runnable paste,
      Runnable moveUp,
      Runnable moveDown,
      Runnable delete,
      ObservableValue<Boolean> canAddAction,
      ObservableValue<Boolean> hasNode,
      ObservableValue<Boolean> canMoveUp,
      ObservableValue<Boolean> canMoveDown) {}

  TreeActions(Commands commands) {
    // Add domain and Add action keep the menu bar's keys, which work everywhere in the window.
    addDomain =
        action(
            "Add domain",
            "New domain",
            KeyCombination.keyCombination("Shortcut+Shift+N"),
            null,
            commands.addDomain());
    addAction =
        action(
            "Add action",
            "New action in the selected domain",
            KeyCombination.keyCombination("Shortcut+N"),
            commands.canAddAction(),
            commands.addAction());
    rename = action("Rename", "Rename the node", RENAME, commands.hasNode(), commands.rename());
    duplicate =
        action(
            "Duplicate",
            "Copy the node, with a name of its own",
            DUPLICATE,
            commands.hasNode(),
            commands.duplicate());
    cut = action("Cut", "Cut the node", CUT, commands.hasNode(), commands.cut());
    copy = action("Copy", "Copy the node", COPY, commands.hasNode(), commands.copy());
    paste = action("Paste", "Paste a copied node", PASTE, null, commands.paste());
    moveUp = action("Move up", "Move up", MOVE_UP, commands.canMoveUp(), commands.moveUp());
    moveDown =
        action("Move down", "Move down", MOVE_DOWN, commands.canMoveDown(), commands.moveDown());
    delete =
        action("Delete", "Delete the selected node", DELETE, commands.hasNode(), commands.delete());
  }

  /**
   * Runs the action whose shortcut {@code key} is, if any, among those that are the tree's own (Add
   * domain and Add action are the menu bar's, which work everywhere). Ctrl+Backspace deletes too,
   * as on macOS.
   *
   * @return whether {@code key} is one of those shortcuts (even when its action is disabled)
   */
  boolean runShortcut(KeyEvent key) {
    boolean deleteAlternative = key.getCode() == KeyCode.BACK_SPACE && key.isShortcutDown();
    for (Action action : List.of(rename, delete, moveUp, moveDown, duplicate, copy, cut, paste)) {
      if (action.getAccelerator().match(key) || deleteAlternative && action == delete) {
        action.handle(new ActionEvent());
        return true;
      }
    }
    return false;
  }

  /** The buttons above the tree. */
  ToolBar toolBar() {
    var bar =
        new ToolBar(
            button(addDomain, "addDomainButton"),
            button(addAction, "addActionButton"),
            button(delete, "deleteNodeButton"),
            iconButton(moveUp, "moveUpButton", Feather.ARROW_UP),
            iconButton(moveDown, "moveDownButton", Feather.ARROW_DOWN));
    bar.setPadding(new Insets(4));
    return bar;
  }

  /** Every action of the tree, in groups; {@link TreeContextMenu} says when it is shown. */
  ContextMenu contextMenu() {
    return new ContextMenu(
        menuItem(addDomain, "addDomainContextItem"),
        menuItem(addAction, "addActionContextItem"),
        new SeparatorMenuItem(),
        menuItem(rename, "renameMenuItem"),
        menuItem(duplicate, "duplicateMenuItem"),
        new SeparatorMenuItem(),
        menuItem(cut, "cutMenuItem"),
        menuItem(copy, "copyMenuItem"),
        menuItem(paste, "pasteMenuItem"),
        new SeparatorMenuItem(),
        menuItem(moveUp, "moveUpMenuItem"),
        menuItem(moveDown, "moveDownMenuItem"),
        new SeparatorMenuItem(),
        menuItem(delete, "deleteMenuItem"));
  }

  /** A toolbar button: the tree keeps the focus, so its keys go on working. */
  private static Button button(Action action, String id) {
    Button button = ActionUtils.createButton(action);
    button.setId(id);
    button.setFocusTraversable(false);
    return button;
  }

  /**
   * An icon-only toolbar button. The icon is the button's own, not the action's: one node cannot be
   * shown by both the button and the menu item.
   */
  private static Button iconButton(Action action, String id, Ikon icon) {
    Button button = ActionUtils.createButton(action, ActionUtils.ActionTextBehavior.HIDE);
    button.setId(id);
    button.graphicProperty().unbind();
    Icons.on(button, icon);
    button.setFocusTraversable(false);
    return button;
  }

  private static MenuItem menuItem(Action action, String id) {
    MenuItem item = ActionUtils.createMenuItem(action);
    item.setId(id);
    return item;
  }

  private static Action action(
      String text,
      String explanation,
      KeyCombination keys,
      ObservableValue<Boolean> enabled,
      Runnable command) {
    var action = new Action(text, event -> command.run());
    action.setAccelerator(keys);
    action.setLongText(explanation + " (" + keys.getDisplayText() + ")");
    if (enabled != null) {
      action.disabledProperty().bind(enabled.map(can -> !can));
    }
    return action;
  }
}
