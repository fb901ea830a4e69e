package io.routebench.app.taxonomy;

import io.routebench.core.taxonomy.Taxonomy;
import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The left side of the taxonomy tab: a toolbar, a filter and the Domain → Action tree with keyboard
 * shortcuts ({@link TreeActions}), a context menu ({@link TreeContextMenu}), in-place rename
 * ({@link TaxonomyTreeCell}) and drag-and-drop reordering ({@link TreeDragAndDrop}). It shows the
 * view model's taxonomy through {@link TaxonomyTreeItems} whenever it changes, and the selection
 * goes both ways.
 */
final class TaxonomyTree {

  private final TaxonomyViewModel viewModel;
  private final AddCommands commands;
  private final TreeView<TreeRow> tree = new TreeView<>(new TreeItem<>());
  private final TaxonomyTreeItems items = new TaxonomyTreeItems(tree.getRoot());
  private final BorderPane root = new BorderPane();

  private final TreeActions actions;
  private final TreeContextMenu contextMenu;
  private final TreeDragAndDrop dragAndDrop;

  private final TreeFilterField filterField = new TreeFilterField(tree::requestFocus);
  private final Label emptyHint = new Label();
  private TaxonomyFilter filter = new TaxonomyFilter("");

  /** Whether each domain was expanded when the user started filtering, by domain id. */
  private Map<String, Boolean> expansionBeforeFilter = new HashMap<>();

  /** Why the last paste did nothing; empty otherwise. */
  private final Label message = new Label();

  /** Set while items are rebuilt, when the tree's own selection changes mean nothing. */
  private boolean synchronizing;

  /**
   * @param commands adds nodes the way the whole tab does (which also moves focus to the new node's
   *     name)
   */
  TaxonomyTree(TaxonomyViewModel viewModel, AddCommands commands) {
    this.viewModel = viewModel;
    this.commands = commands;
    tree.setId("taxonomyTree");
    tree.setShowRoot(false);
    dragAndDrop = new TreeDragAndDrop(viewModel);
    tree.setCellFactory(view -> createCell());
    actions = actions();
    contextMenu = new TreeContextMenu(tree, actions);
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

    root.setTop(new VBox(actions.toolBar(), filterField.root()));
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
      expansionBeforeFilter = items.domainExpansion();
    }
    boolean cleared = filter.isActive() && !next.isActive();
    filter = next;
    show();
    if (cleared) {
      items.restoreExpansion(expansionBeforeFilter);
      selectInTree(viewModel.selectionProperty().get());
    }
    refreshPlaceholder();
  }

  private void refreshPlaceholder() {
    Taxonomy all = viewModel.taxonomyProperty().get();
    if (all.domains().isEmpty()) {
      emptyHint.setText("No domains yet.\nClick “Add domain” to create the first one.");
    } else if (items.isEmpty()) {
      emptyHint.setText(
          "No domain or action matches “" + filterField.textProperty().get().strip() + "”.");
    } else {
      emptyHint.setText("");
    }
    emptyHint.setVisible(!emptyHint.getText().isEmpty());
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

  /** The tree's keys act on the tree only, so they never steal keys from text fields. */
  private void onKeyPressed(KeyEvent event) {
    if (tree.getEditingItem() != null) {
      return;
    }
    if (contextMenu.showOnKey(event) || actions.runShortcut(event)) {
      event.consume();
    }
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
    // Rebuilt rows drop a focused rename editor; the keyboard must stay in the tree (F2, Enter,
    // then the arrow keys go on), not jump to the next control of the window.
    boolean keyboardInTree = hasKeyboard(tree);
    synchronizing = true;
    try {
      items.show(viewModel.taxonomyProperty().get(), filter, viewModel.marksProperty().get());
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

  /**
   * A node selected elsewhere (added, pasted, clicked in the Problems panel) that the filter hides
   * clears the filter: the user is meant to see it.
   */
  private void selectionChanged(NodeRef node) {
    if (node != null && items.find(node) == null && filter.isActive()) {
      filterField.clear();
    } else {
      selectInTree(node);
    }
  }

  private void selectInTree(NodeRef node) {
    TreeItem<TreeRow> item = node == null ? null : items.find(node);
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
    TreeItem<TreeRow> item = items.find(routed);
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
    dragAndDrop.install(cell);
    return cell;
  }
}
