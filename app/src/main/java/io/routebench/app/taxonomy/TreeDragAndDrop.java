package io.routebench.app.taxonomy;

import java.util.Locale;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Reordering the taxonomy tree by dragging its rows: a row under the pointer shows where the
 * dragged node would land (style classes {@code drop-before}, {@code drop-after}, {@code
 * drop-into}) when the view model accepts it there, and the drop moves it.
 */
final class TreeDragAndDrop {

  private static final DataFormat NODE_FORMAT = new DataFormat("application/x-routebench-node");

  private final TaxonomyViewModel viewModel;

  /** The node being dragged out of this tree; {@code null} when no drag is under way. */
  private NodeRef dragged;

  TreeDragAndDrop(TaxonomyViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Lets {@code cell}'s node be dragged, and nodes be dropped on it. */
  void install(TreeCell<TreeRow> cell) {
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
            cell.getStyleClass().add("drop-" + placement.name().toLowerCase(Locale.ROOT));
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
