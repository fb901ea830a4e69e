package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The left side of the taxonomy tab: a toolbar and the Domain → Action tree with keyboard
 * shortcuts, a context menu and drag-and-drop reordering. The tree items are kept in step with the
 * view model's taxonomy (items are reused by id, so expansion and scrolling survive edits), and the
 * selection goes both ways.
 */
final class TaxonomyTree {

  private static final DataFormat NODE_FORMAT = new DataFormat("application/x-routebench-node");

  static final KeyCombination MENU = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);
  static final KeyCombination RENAME = new KeyCodeCombination(KeyCode.F2);
  static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
  static final KeyCombination MOVE_UP = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
  static final KeyCombination MOVE_DOWN =
      new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
  static final KeyCombination DUPLICATE =
      new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination CUT = new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination PASTE =
      new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

  private final TaxonomyViewModel viewModel;
  private final AddCommands commands;
  private final TreeView<TreeRow> tree = new TreeView<>(new TreeItem<>());
  private final Map<String, TreeItem<TreeRow>> domainItems = new HashMap<>();

  /** Keyed by domain id and action id, see {@link #show}. */
  private final Map<String, TreeItem<TreeRow>> actionItems = new HashMap<>();

  private final Map<String, TreeItem<TreeRow>> actionItemsById = new HashMap<>();
  private final BorderPane root = new BorderPane();

  private final TreeActions actions;
  private final ContextMenu menu;

  private final TreeFilterField filterField = new TreeFilterField(tree::requestFocus);
  private final Label emptyHint = new Label();
  private TaxonomyFilter filter = new TaxonomyFilter("");

  /** Whether each domain was expanded when the user started filtering, by domain id. */
  private final Map<String, Boolean> expansionBeforeFilter = new HashMap<>();

  /** Why the last paste did nothing; empty otherwise. */
  private final Label message = new Label();

  /** Set while items are rebuilt, when the tree's own selection changes mean nothing. */
  private boolean synchronizing;

  private NodeRef dragged;

  /**
   * @param commands adds nodes the way the whole tab does (which also moves focus to the new node's
   *     name)
   */
  TaxonomyTree(TaxonomyViewModel viewModel, AddCommands commands) {
    this.viewModel = viewModel;
    this.commands = commands;
    tree.setId("taxonomyTree");
    tree.setShowRoot(false);
    tree.setCellFactory(view -> createCell());
    actions = actions();
    menu = contextMenu();
    tree.setOnContextMenuRequested(
        event -> {
          menu.show(tree, event.getScreenX(), event.getScreenY());
          event.consume();
        });
    tree.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
    // Editable only while renaming: otherwise a click on the selected row would start an edit.
    tree.editingItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                tree.setEditable(false);
              }
            });

    emptyHint.setId("treePlaceholder");
    emptyHint.getStyleClass().add("placeholder");
    emptyHint.setMouseTransparent(true);
    emptyHint.setWrapText(true);
    var treeArea = new StackPane(tree, emptyHint);

    root.setTop(new VBox(toolBar(), filterField.root()));
    filterField.textProperty().addListener((obs, old, now) -> filterChanged(now));
    root.setCenter(treeArea);
    message.setId("treeMessage");
    message.getStyleClass().add("tree-message");
    message.setWrapText(true);
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    message.visibleProperty().bind(message.managedProperty());
    root.setBottom(message);
    root.setMinWidth(220);

    show();
    viewModel
        .taxonomyProperty()
        .addListener(
            (obs, old, now) -> {
              // Why a paste did nothing is old news once the taxonomy has changed.
              message.setText("");
              show();
            });
    viewModel.marksProperty().addListener((obs, old, now) -> show());
    viewModel.selectionProperty().addListener((obs, old, now) -> selectionChanged(now));
    viewModel.routedProperty().addListener((obs, old, now) -> revealRouted(now));
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (!synchronizing) {
                viewModel.select(now == null ? null : now.getValue().node());
                message.setText("");
              }
            });
    selectInTree(viewModel.selectionProperty().get());
  }

  Node root() {
    return root;
  }

  /** What the toolbar and the context menu do to add nodes. */
  record AddCommands(Runnable addDomain, Runnable addAction) {}

  TreeView<TreeRow> treeView() {
    return tree;
  }

  /** Puts the cursor in the filter, its text selected (Ctrl+F). */
  void focusFilter() {
    filterField.focus();
  }

  /**
   * Filtering expands every domain with a match; clearing puts back the expansion the user had
   * before the filter, domains hidden in between included.
   */
  private void filterChanged(String text) {
    var next = new TaxonomyFilter(text);
    if (next.isActive() && !filter.isActive()) {
      expansionBeforeFilter.clear();
      domainItems.forEach((id, item) -> expansionBeforeFilter.put(id, item.isExpanded()));
    }
    boolean cleared = filter.isActive() && !next.isActive();
    filter = next;
    show();
    if (cleared) {
      expansionBeforeFilter.forEach(
          (id, expanded) -> {
            TreeItem<TreeRow> item = domainItems.get(id);
            if (item != null) {
              item.setExpanded(expanded);
            }
          });
      selectInTree(viewModel.selectionProperty().get());
    }
    refreshPlaceholder();
  }

  private void refreshPlaceholder() {
    Taxonomy all = viewModel.taxonomyProperty().get();
    if (all.domains().isEmpty()) {
      emptyHint.setText("No domains yet.\nClick “Add domain” to create the first one.");
    } else if (tree.getRoot().getChildren().isEmpty()) {
      emptyHint.setText(
          "No domain or action matches “" + filterField.textProperty().get().strip() + "”.");
    } else {
      emptyHint.setText("");
    }
    emptyHint.setVisible(!emptyHint.getText().isEmpty());
  }

  private ToolBar toolBar() {
    var addDomain = TreeActions.button(actions.addDomain, "addDomainButton");
    var addAction = TreeActions.button(actions.addAction, "addActionButton");
    var delete = TreeActions.button(actions.delete, "deleteNodeButton");
    var up = TreeActions.iconButton(actions.moveUp, "moveUpButton", Feather.ARROW_UP);
    var down = TreeActions.iconButton(actions.moveDown, "moveDownButton", Feather.ARROW_DOWN);
    var bar = new ToolBar(addDomain, addAction, delete, up, down);
    bar.setPadding(new Insets(4));
    return bar;
  }

  private TreeActions actions() {
    return new TreeActions(
        new TreeActions.Commands(
            commands.addDomain(),
            commands.addAction(),
            this::renameSelected,
            viewModel::duplicateSelected,
            this::cutSelected,
            this::copySelected,
            this::paste,
            viewModel::moveSelectedUp,
            viewModel::moveSelectedDown,
            viewModel::deleteSelected,
            viewModel.canAddActionProperty(),
            viewModel.canDeleteProperty(),
            viewModel.canMoveUpProperty(),
            viewModel.canMoveDownProperty()));
  }

  /**
   * Shown on request rather than set as the tree's context menu: a control's context menu puts its
   * accelerators into the whole scene, where Ctrl+C in another tab would copy a tree node. The keys
   * are the tree's own ({@link #onKeyPressed}); the menu only shows them.
   */
  private ContextMenu contextMenu() {
    return new ContextMenu(
        TreeActions.menuItem(actions.addDomain, "addDomainContextItem"),
        TreeActions.menuItem(actions.addAction, "addActionContextItem"),
        new SeparatorMenuItem(),
        TreeActions.menuItem(actions.rename, "renameMenuItem"),
        TreeActions.menuItem(actions.duplicate, "duplicateMenuItem"),
        new SeparatorMenuItem(),
        TreeActions.menuItem(actions.cut, "cutMenuItem"),
        TreeActions.menuItem(actions.copy, "copyMenuItem"),
        TreeActions.menuItem(actions.paste, "pasteMenuItem"),
        new SeparatorMenuItem(),
        TreeActions.menuItem(actions.moveUp, "moveUpMenuItem"),
        TreeActions.menuItem(actions.moveDown, "moveDownMenuItem"),
        new SeparatorMenuItem(),
        TreeActions.menuItem(actions.delete, "deleteMenuItem"));
  }

  /** The tree's keys act on the tree only, so they never steal keys from text fields. */
  private void onKeyPressed(KeyEvent event) {
    if (tree.getEditingItem() != null) {
      return;
    }
    if (MENU.match(event) || event.getCode() == KeyCode.CONTEXT_MENU) {
      showMenuAtSelection();
      event.consume();
      return;
    }
    if (actions.runShortcut(event)) {
      event.consume();
    }
  }

  /** The context menu from the keyboard (Shift+F10, the menu key), under the selected row. */
  private void showMenuAtSelection() {
    Node anchor =
        tree.lookupAll(".tree-cell").stream()
            .filter(cell -> cell instanceof TreeCell<?> c && c.isSelected())
            .findFirst()
            .orElse(tree);
    var bounds = anchor.localToScreen(anchor.getBoundsInLocal());
    menu.show(anchor, bounds.getMinX() + 24, bounds.getMaxY());
  }

  private void copySelected() {
    viewModel.copySelected().ifPresent(this::putOnClipboard);
  }

  private void cutSelected() {
    viewModel.cutSelected().ifPresent(this::putOnClipboard);
  }

  private void putOnClipboard(NodeClip clip) {
    NodeClipboard.put(clip);
    message.setText("");
  }

  /** Pastes copied nodes, or policy YAML text; says why when the clipboard holds neither. */
  private void paste() {
    try {
      viewModel.paste(NodeClipboard.take());
      message.setText("");
    } catch (IllegalArgumentException e) {
      message.setText("Nothing pasted: " + e.getMessage());
    }
  }

  /**
   * Whether the scene's focus owner is {@code node} or inside it. (Node.isFocusWithin stays true
   * after a focused child is removed, e.g. a rename editor of a rebuilt row.)
   */
  private static boolean hasKeyboard(Node node) {
    Node owner = node.getScene() == null ? null : node.getScene().getFocusOwner();
    for (Node n = owner; n != null; n = n.getParent()) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }

  /** Shows the view model's taxonomy, as much of it as the filter lets through. */
  private void show() {
    Taxonomy taxonomy = filter.apply(viewModel.taxonomyProperty().get());
    Map<NodeRef, NodeMark> marks = viewModel.marksProperty().get();
    // Rebuilt rows drop a focused rename editor; the keyboard must stay in the tree (F2, Enter,
    // then the arrow keys go on), not jump to the next control of the window.
    boolean keyboardInTree = hasKeyboard(tree);
    synchronizing = true;
    try {
      var domains = new ArrayList<TreeItem<TreeRow>>();
      var liveDomains = new HashMap<String, TreeItem<TreeRow>>();
      var liveActions = new HashMap<String, TreeItem<TreeRow>>();
      for (Domain domain : taxonomy.domains()) {
        TreeItem<TreeRow> domainItem = reuse(domainItems, domain.id(), true);
        NodeRef domainRef = NodeRef.domain(domain.id());
        update(
            domainItem,
            new TreeRow(
                domainRef,
                domain.name(),
                domain.isCoarsePolicy(),
                domain.isCoarsePolicy() ? badge(domain.coarsePolicy().targetModel()) : null,
                domainMark(domainRef, marks),
                filter.matches(domain)));
        if (filter.isActive()) {
          // A match inside a collapsed domain would be filtered in and still not seen.
          domainItem.setExpanded(true);
        }
        var actions = new ArrayList<TreeItem<TreeRow>>();
        for (Action action : domain.actions()) {
          // Keyed by domain too: an item moved to another parent is made anew, because JavaFX
          // would unlink it from the new parent when the old one drops it.
          String key = domain.id() + "/" + action.id();
          TreeItem<TreeRow> actionItem = reuse(actionItems, key, false);
          NodeRef actionRef = NodeRef.action(action.id());
          update(
              actionItem,
              new TreeRow(
                  actionRef,
                  action.name(),
                  false,
                  badge(action.policy().targetModel()),
                  marks.get(actionRef),
                  filter.matches(action)));
          actions.add(actionItem);
          liveActions.put(key, actionItem);
        }
        replaceChildren(domainItem, actions);
        domains.add(domainItem);
        liveDomains.put(domain.id(), domainItem);
      }
      replaceChildren(tree.getRoot(), domains);
      domainItems.keySet().retainAll(liveDomains.keySet());
      actionItems.keySet().retainAll(liveActions.keySet());
      domainItems.putAll(liveDomains);
      actionItems.putAll(liveActions);
      actionItemsById.clear();
      liveActions.values().forEach(item -> actionItemsById.put(item.getValue().node().id(), item));
    } finally {
      synchronizing = false;
    }
    selectInTree(viewModel.selectionProperty().get());
    refreshPlaceholder();
    if (keyboardInTree && !hasKeyboard(tree)) {
      tree.requestFocus();
    }
    // A moved item keeps its selection, but TreeView's focus model shifts its index by the rows
    // the children change added, and does so later (Platform.runLater inside TreeView): the
    // focus outline would sit on another row. Queued behind that shift, this puts it back.
    Platform.runLater(this::focusSelectedRow);
  }

  private void focusSelectedRow() {
    int selected = tree.getSelectionModel().getSelectedIndex();
    if (selected >= 0 && tree.getFocusModel().getFocusedIndex() != selected) {
      tree.getFocusModel().focus(selected);
    }
  }

  /** The domain's problems and those of all its actions, hidden by the filter or not. */
  private NodeMark domainMark(NodeRef domain, Map<NodeRef, NodeMark> marks) {
    var all = new ArrayList<NodeMark>();
    all.add(marks.get(domain));
    viewModel
        .taxonomyProperty()
        .get()
        .domainById(domain.id())
        .ifPresent(d -> d.actions().forEach(a -> all.add(marks.get(NodeRef.action(a.id())))));
    return NodeMark.combine(all);
  }

  /** A target model as the tree's badge shows it: without its provider prefix. */
  private static String badge(String targetModel) {
    if (targetModel == null || targetModel.isBlank()) {
      return null;
    }
    int slash = targetModel.indexOf('/');
    return slash >= 0 ? targetModel.substring(slash + 1) : targetModel;
  }

  private static TreeItem<TreeRow> reuse(
      Map<String, TreeItem<TreeRow>> items, String key, boolean expanded) {
    TreeItem<TreeRow> item = items.get(key);
    if (item == null) {
      item = new TreeItem<>();
      item.setExpanded(expanded);
    }
    return item;
  }

  private static void update(TreeItem<TreeRow> item, TreeRow row) {
    if (!row.equals(item.getValue())) {
      item.setValue(row);
    }
  }

  private static void replaceChildren(TreeItem<TreeRow> parent, List<TreeItem<TreeRow>> children) {
    if (!parent.getChildren().equals(children)) {
      parent.getChildren().setAll(children);
    }
  }

  /**
   * A node selected elsewhere (added, pasted, clicked in the Problems panel) that the filter hides
   * clears the filter: the user is meant to see it.
   */
  private void selectionChanged(NodeRef node) {
    if (node != null && findItem(node) == null && filter.isActive()) {
      filterField.clear();
    } else {
      selectInTree(node);
    }
  }

  private void selectInTree(NodeRef node) {
    TreeItem<TreeRow> item = node == null ? null : findItem(node);
    if (item == tree.getSelectionModel().getSelectedItem()) {
      return;
    }
    synchronizing = true;
    try {
      if (item == null) {
        tree.getSelectionModel().clearSelection();
      } else {
        if (item.getParent() != null) {
          item.getParent().setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
          tree.scrollTo(Math.max(0, row - 3));
        }
      }
    } finally {
      synchronizing = false;
    }
  }

  /** Scrolls the node of a new decision into view, expanding its domain; cells restyle alone. */
  private void revealRouted(RoutedNode routed) {
    if (routed == null) {
      return;
    }
    TreeItem<TreeRow> item =
        routed.actionId() != null
            ? actionItemsById.get(routed.actionId())
            : domainItems.get(routed.domainId());
    if (item == null) {
      return;
    }
    if (item.getParent() != null) {
      item.getParent().setExpanded(true);
    }
    int row = tree.getRow(item);
    if (row >= 0) {
      // Only when out of view: the tree must not jump while the user reads it.
      var flow = (VirtualFlow<?>) tree.lookup(".virtual-flow");
      if (flow == null
          || flow.getFirstVisibleCell() == null
          || row < flow.getFirstVisibleCell().getIndex()
          || row > flow.getLastVisibleCell().getIndex()) {
        tree.scrollTo(Math.max(0, row - 3));
      }
    }
  }

  private TreeItem<TreeRow> findItem(NodeRef node) {
    return node instanceof NodeRef.DomainRef
        ? domainItems.get(node.id())
        : actionItemsById.get(node.id());
  }

  /** Starts renaming the selected node in its row (F2, double-click, the context menu). */
  void renameSelected() {
    TreeItem<TreeRow> item = tree.getSelectionModel().getSelectedItem();
    if (item == null) {
      return;
    }
    tree.setEditable(true);
    tree.edit(item);
  }

  private TreeCell<TreeRow> createCell() {
    var cell = new TaxonomyTreeCell(viewModel.routedProperty(), viewModel::rename);
    cell.addEventFilter(
        MouseEvent.MOUSE_CLICKED,
        event -> {
          if (event.getClickCount() == 2 && cell.getItem() != null && !cell.isEditing()) {
            renameSelected();
            event.consume();
          }
        });
    cell.setOnDragDetected(
        event -> {
          if (cell.getItem() == null) {
            return;
          }
          dragged = cell.getItem().node();
          var content = new ClipboardContent();
          content.put(NODE_FORMAT, dragged.id());
          cell.startDragAndDrop(TransferMode.MOVE).setContent(content);
          event.consume();
        });
    cell.setOnDragOver(
        event -> {
          DropPlacement placement = placement(cell, event);
          clearDropMarks(cell);
          if (placement != null
              && event.getDragboard().hasContent(NODE_FORMAT)
              && viewModel.canDrop(dragged, cell.getItem().node(), placement)) {
            event.acceptTransferModes(TransferMode.MOVE);
            cell.getStyleClass().add("drop-" + placement.name().toLowerCase(java.util.Locale.ROOT));
          }
          event.consume();
        });
    cell.setOnDragExited(event -> clearDropMarks(cell));
    cell.setOnDragDropped(
        event -> {
          DropPlacement placement = placement(cell, event);
          boolean done = placement != null && dragged != null;
          if (done) {
            viewModel.drop(dragged, cell.getItem().node(), placement);
          }
          clearDropMarks(cell);
          event.setDropCompleted(done);
          event.consume();
        });
    cell.setOnDragDone(event -> dragged = null);
    return cell;
  }

  /** Actions dropped on a domain go into it; otherwise the upper or lower half decides. */
  private DropPlacement placement(TreeCell<TreeRow> cell, DragEvent event) {
    if (cell.getItem() == null || dragged == null) {
      return null;
    }
    if (dragged instanceof NodeRef.ActionRef && cell.getItem().isDomain()) {
      return DropPlacement.INTO;
    }
    return event.getY() < cell.getHeight() / 2 ? DropPlacement.BEFORE : DropPlacement.AFTER;
  }

  private static void clearDropMarks(TreeCell<TreeRow> cell) {
    cell.getStyleClass().removeAll("drop-before", "drop-after", "drop-into");
  }
}
