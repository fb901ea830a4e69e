package io.routebench.app.shell;

import io.routebench.app.transfer.ExportFormat;
import io.routebench.app.workspace.DocumentEditor;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * File, Edit, View, Routing and Help, each with an Alt+letter mnemonic (the underlined letter) as
 * are their items. Items that need an open workspace are disabled without one; Undo and Redo follow
 * the open workspace's editor and name what they would undo.
 */
final class WorkbenchMenuBar {

  static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
  static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
  static final KeyCombination REDO_ALTERNATIVE = KeyCombination.keyCombination("Shortcut+Y");

  private final MenuBar root = new MenuBar();
  private final MenuItem undo = item("_Undo", "undoMenuItem", UNDO);
  private final MenuItem redo = item("_Redo", "redoMenuItem", REDO);

  /**
   * @param noWorkspace whether no workspace is open
   * @param noTransfer whether import and export are unavailable (no workspace, or one under way)
   */
  WorkbenchMenuBar(
      ShellCommands commands,
      ReadOnlyBooleanProperty noWorkspace,
      ReadOnlyBooleanProperty noTransfer) {
    MenuItem newWorkspace = item("_New workspace…", "newWorkspaceMenuItem", null);
    newWorkspace.setOnAction(e -> commands.newWorkspace());
    MenuItem open = item("_Open…", "openMenuItem", KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(e -> commands.openWorkspace());
    var openRecent = new Menu("Open _Recent");
    openRecent.setId("openRecentMenu");
    // Filled when opened, so it always reflects the settings as they are now.
    openRecent.getItems().add(new MenuItem("(none)"));
    openRecent.setOnShowing(e -> fillRecent(openRecent, commands));
    MenuItem close = item("_Close", "closeMenuItem", KeyCombination.keyCombination("Shortcut+W"));
    close.setOnAction(e -> commands.closeWorkspace());
    close.disableProperty().bind(noWorkspace);
    MenuItem importPolicies =
        item(
            "_Import Policies…",
            "importPoliciesMenuItem",
            KeyCombination.keyCombination("Shortcut+I"));
    importPolicies.setOnAction(e -> commands.importPolicies());
    var export = new Menu("_Export");
    export.setId("exportMenu");
    for (ExportFormat format : ExportFormat.values()) {
      var item = new MenuItem(format.displayName() + "…");
      item.setMnemonicParsing(false);
      item.setId("export" + format.name() + "MenuItem");
      item.setOnAction(e -> commands.exportPolicies(format));
      export.getItems().add(item);
    }
    export.getItems().get(0).setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
    importPolicies.disableProperty().bind(noTransfer);
    export.disableProperty().bind(noTransfer);
    MenuItem importCases = item("Import _Test Cases…", "importTestCasesMenuItem", null);
    importCases.setOnAction(e -> commands.importTestCases());
    importCases.disableProperty().bind(noWorkspace);
    MenuItem exportCases = item("Export Test _Suite…", "exportTestSuiteMenuItem", null);
    exportCases.setOnAction(e -> commands.exportTestCases());
    exportCases.disableProperty().bind(noWorkspace);
    MenuItem quit = item("_Quit", "quitMenuItem", KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(e -> commands.quit());
    var file =
        new Menu(
            "_File",
            null,
            newWorkspace,
            open,
            openRecent,
            new SeparatorMenuItem(),
            close,
            new SeparatorMenuItem(),
            importPolicies,
            export,
            new SeparatorMenuItem(),
            importCases,
            exportCases,
            new SeparatorMenuItem(),
            quit);

    undo.setOnAction(e -> commands.undo());
    redo.setOnAction(e -> commands.redo());
    MenuItem addDomain =
        item("Add _domain", "addDomainMenuItem", KeyCombination.keyCombination("Shortcut+Shift+N"));
    addDomain.setOnAction(e -> commands.addDomain());
    MenuItem addAction =
        item("Add _action", "addActionMenuItem", KeyCombination.keyCombination("Shortcut+N"));
    addAction.setOnAction(e -> commands.addAction());
    // Delete and Alt+Up/Down are handled by the tree itself: as menu accelerators they would
    // fire while the user edits text.
    MenuItem delete = item("De_lete node", "deleteMenuItem", null);
    delete.setOnAction(e -> commands.deleteNode());
    MenuItem up = item("Move u_p", "moveUpMenuItem", null);
    up.setOnAction(e -> commands.moveNodeUp());
    MenuItem down = item("Move do_wn", "moveDownMenuItem", null);
    down.setOnAction(e -> commands.moveNodeDown());
    for (MenuItem needsWorkspace : List.of(addDomain, addAction, delete, up, down)) {
      needsWorkspace.disableProperty().bind(noWorkspace);
    }
    var edit =
        new Menu(
            "_Edit",
            null,
            undo,
            redo,
            new SeparatorMenuItem(),
            addDomain,
            addAction,
            delete,
            new SeparatorMenuItem(),
            up,
            down);

    MenuItem collisions = item("Check Policy _Collisions…", "checkCollisionsMenuItem", null);
    collisions.setOnAction(e -> commands.checkCollisions());
    collisions.disableProperty().bind(noWorkspace);
    MenuItem parity = item("_Parity Run with plano…", "parityRunMenuItem", null);
    parity.setOnAction(e -> commands.parityRun());
    parity.disableProperty().bind(noWorkspace);
    MenuItem engine = item("_Engine Settings…", "engineSettingsMenuItem", null);
    engine.setOnAction(e -> commands.engineSettings());
    MenuItem connect = item("Co_nnect to a Router Server…", "connectRouterServerMenuItem", null);
    connect.setOnAction(e -> commands.connectRouterServer());
    var routing =
        new Menu("_Routing", null, collisions, parity, new SeparatorMenuItem(), connect, engine);
    var dark = new CheckMenuItem("_Dark theme");
    dark.setId("darkThemeMenuItem");
    dark.setSelected(commands.isDarkTheme());
    dark.setOnAction(e -> commands.useDarkTheme(dark.isSelected()));
    var view = new Menu("_View", null, dark);

    MenuItem about = item("_About RouteBench", "aboutMenuItem", null);
    about.setOnAction(e -> commands.about());
    MenuItem getArchRouter = item("_Get Arch-Router…", "getArchRouterMenuItem", null);
    getArchRouter.setOnAction(e -> commands.getArchRouter());
    MenuItem gettingStarted = item("Getting _Started", "gettingStartedMenuItem", null);
    gettingStarted.setOnAction(e -> commands.gettingStarted());
    var help =
        new Menu("_Help", null, getArchRouter, gettingStarted, new SeparatorMenuItem(), about);

    root.getMenus().setAll(file, edit, view, routing, help);
    root.setUseSystemMenuBar(true);
    follow(null);
  }

  MenuBar root() {
    return root;
  }

  /** Points Undo and Redo at an editor, or disables them when {@code editor} is {@code null}. */
  void follow(DocumentEditor editor) {
    undo.disableProperty().unbind();
    undo.textProperty().unbind();
    redo.disableProperty().unbind();
    redo.textProperty().unbind();
    if (editor == null) {
      undo.setDisable(true);
      undo.setText("_Undo");
      redo.setDisable(true);
      redo.setText("_Redo");
      return;
    }
    undo.disableProperty().bind(editor.canUndoProperty().not());
    undo.textProperty().bind(Bindings.concat("_Undo ", editor.undoLabelProperty()));
    redo.disableProperty().bind(editor.canRedoProperty().not());
    redo.textProperty().bind(Bindings.concat("_Redo ", editor.redoLabelProperty()));
  }

  private static void fillRecent(Menu menu, ShellCommands commands) {
    menu.getItems().clear();
    List<Path> recent = commands.recentWorkspaces();
    if (recent.isEmpty()) {
      var none = new MenuItem("(none)");
      none.setDisable(true);
      menu.getItems().add(none);
      return;
    }
    for (Path workspace : recent) {
      // No mnemonic parsing: file names may contain underscores.
      var item = new MenuItem(workspace.toString());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> commands.openRecent(workspace));
      menu.getItems().add(item);
    }
    var clear = new MenuItem("C_lear recent workspaces");
    clear.setOnAction(e -> commands.clearRecent());
    menu.getItems().addAll(new SeparatorMenuItem(), clear);
  }

  private static MenuItem item(String text, String id, KeyCombination accelerator) {
    var item = new MenuItem(text);
    item.setId(id);
    if (accelerator != null) {
      item.setAccelerator(accelerator);
    }
    return item;
  }
}
