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
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The left side of the taxonomy tab: a toolbar and the Domain → Action tree with keyboard
 * shortcuts, a context menu and drag-and-drop reordering. The tree items are kept in step with the
 * view model's taxonomy (items are reused by id, so expansion and scrolling survive edits), and the
 * selection goes both ways.
 */
final class TaxonomyTree {

  private static final DataFormat NODE_FORMAT = new DataFormat("application/x-routebench-node");

  private final TaxonomyViewModel viewModel;
  private final AddCommands commands;
  private final TreeView<TreeRow> tree = new TreeView<>(new TreeItem<>());
  private final Map<String, TreeItem<TreeRow>> domainItems = new HashMap<>();

  /** Keyed by domain id and action id, see {@link #show}. */
  private final Map<String, TreeItem<TreeRow>> actionItems = new HashMap<>();

  private final Map<String, TreeItem<TreeRow>> actionItemsById = new HashMap<>();
  private final BorderPane root = new BorderPane();

  /** Set while items are rebuilt, when the tree's own selection changes mean nothing. */
  private boolean synchronizing;

  private NodeRef dragged;

  /** The cell whose name is being edited, or {@code null}. */
  private TaxonomyTreeCell renaming;

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
    tree.setContextMenu(contextMenu());
    tree.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
    // Editable only while renaming: otherwise a click on the selected row would start an edit.
    tree.setOnEditCommit(
        event -> {
          if (event.getNewValue() != null && renaming != null) {
            viewModel.rename(event.getNewValue().node(), renaming.editedName());
          }
        });
    tree.setOnEditCancel(event -> tree.setEditable(false));
    tree.editingItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                tree.setEditable(false);
                renaming = null;
              }
            });

    var emptyHint = new Label("No domains yet.\nClick “Add domain” to create the first one.");
    emptyHint.getStyleClass().add("placeholder");
    emptyHint.setMouseTransparent(true);
    emptyHint.visibleProperty().bind(viewModel.taxonomyProperty().map(t -> t.domains().isEmpty()));
    var treeArea = new StackPane(tree, emptyHint);

    root.setTop(toolBar());
    root.setCenter(treeArea);
    root.setMinWidth(220);

    show(viewModel.taxonomyProperty().get());
    viewModel.taxonomyProperty().addListener((obs, old, now) -> show(now));
    viewModel.selectionProperty().addListener((obs, old, now) -> selectInTree(now));
    viewModel.routedProperty().addListener((obs, old, now) -> revealRouted(now));
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (!synchronizing) {
                viewModel.select(now == null ? null : now.getValue().node());
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

  private ToolBar toolBar() {
    Button addDomain = button("Add domain", "addDomainButton", "New domain (Ctrl+Shift+N)");
    addDomain.setOnAction(e -> commands.addDomain().run());
    Button addAction =
        button("Add action", "addActionButton", "New action in the selected domain (Ctrl+N)");
    addAction.setOnAction(e -> commands.addAction().run());
    addAction.disableProperty().bind(viewModel.canAddActionProperty().not());
    Button delete = button("Delete", "deleteNodeButton", "Delete the selected node (Delete)");
    delete.setOnAction(e -> viewModel.deleteSelected());
    delete.disableProperty().bind(viewModel.canDeleteProperty().not());
    Button up = button("▲", "moveUpButton", "Move up (Alt+Up)");
    up.setOnAction(e -> viewModel.moveSelectedUp());
    up.disableProperty().bind(viewModel.canMoveUpProperty().not());
    Button down = button("▼", "moveDownButton", "Move down (Alt+Down)");
    down.setOnAction(e -> viewModel.moveSelectedDown());
    down.disableProperty().bind(viewModel.canMoveDownProperty().not());
    var bar = new ToolBar(addDomain, addAction, delete, up, down);
    bar.setPadding(new Insets(4));
    return bar;
  }

  private static Button button(String text, String id, String tooltip) {
    var button = new Button(text);
    button.setId(id);
    button.setTooltip(new Tooltip(tooltip));
    button.setFocusTraversable(false);
    return button;
  }

  private ContextMenu contextMenu() {
    var addDomain = new MenuItem("Add domain");
    addDomain.setOnAction(e -> commands.addDomain().run());
    var addAction = new MenuItem("Add action");
    addAction.setOnAction(e -> commands.addAction().run());
    addAction.disableProperty().bind(viewModel.canAddActionProperty().not());
    var rename = new MenuItem("Rename");
    rename.setOnAction(e -> renameSelected());
    rename.disableProperty().bind(viewModel.canDeleteProperty().not());
    var delete = new MenuItem("Delete");
    delete.setOnAction(e -> viewModel.deleteSelected());
    delete.disableProperty().bind(viewModel.canDeleteProperty().not());
    var up = new MenuItem("Move up");
    up.setOnAction(e -> viewModel.moveSelectedUp());
    up.disableProperty().bind(viewModel.canMoveUpProperty().not());
    var down = new MenuItem("Move down");
    down.setOnAction(e -> viewModel.moveSelectedDown());
    down.disableProperty().bind(viewModel.canMoveDownProperty().not());
    return new ContextMenu(
        addDomain,
        addAction,
        new SeparatorMenuItem(),
        rename,
        up,
        down,
        new SeparatorMenuItem(),
        delete);
  }

  /** Delete and Alt+Up/Down act on the tree only, so they never steal keys from text fields. */
  private void onKeyPressed(KeyEvent event) {
    if (event.getCode() == KeyCode.F2 && tree.getEditingItem() == null) {
      renameSelected();
      event.consume();
    } else if (event.getCode() == KeyCode.DELETE
        || event.getCode() == KeyCode.BACK_SPACE && event.isShortcutDown()) {
      viewModel.deleteSelected();
      event.consume();
    } else if (event.isAltDown() && event.getCode() == KeyCode.UP) {
      viewModel.moveSelectedUp();
      event.consume();
    } else if (event.isAltDown() && event.getCode() == KeyCode.DOWN) {
      viewModel.moveSelectedDown();
      event.consume();
    }
  }

  private void show(Taxonomy taxonomy) {
    synchronizing = true;
    try {
      var domains = new ArrayList<TreeItem<TreeRow>>();
      var liveDomains = new HashMap<String, TreeItem<TreeRow>>();
      var liveActions = new HashMap<String, TreeItem<TreeRow>>();
      for (Domain domain : taxonomy.domains()) {
        TreeItem<TreeRow> domainItem = reuse(domainItems, domain.id(), true);
        update(
            domainItem,
            new TreeRow(
                NodeRef.domain(domain.id()),
                domain.name(),
                domain.isCoarsePolicy(),
                domain.isCoarsePolicy() ? badge(domain.coarsePolicy().targetModel()) : null));
        var actions = new ArrayList<TreeItem<TreeRow>>();
        for (Action action : domain.actions()) {
          // Keyed by domain too: an item moved to another parent is made anew, because JavaFX
          // would unlink it from the new parent when the old one drops it.
          String key = domain.id() + "/" + action.id();
          TreeItem<TreeRow> actionItem = reuse(actionItems, key, false);
          update(
              actionItem,
              new TreeRow(
                  NodeRef.action(action.id()),
                  action.name(),
                  false,
                  badge(action.policy().targetModel())));
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
    var cell = new TaxonomyTreeCell(viewModel.routedProperty());
    cell.editingProperty()
        .addListener(
            (obs, was, now) -> {
              if (now) {
                renaming = cell;
              }
            });
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
