package io.routebench.app.routing;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Lets a GGUF file be dropped onto a node (the workbench window) to load it as the router model.
 * Anything else is not accepted: no drop highlight, and the cursor says no.
 */
final class ModelDrop {

  /** Style class of the target while a model hovers over it. */
  static final String HIGHLIGHT = "model-drop-target";

  private ModelDrop() {}

  /**
   * Replaces {@code target}'s drag handlers (a new workspace's bar takes over from the previous).
   *
   * @param accepting whether a drop would be taken now (not while a model loads)
   * @param dropped given the dropped model file
   */
  static void install(
      Node target, java.util.function.BooleanSupplier accepting, Consumer<Path> dropped) {
    target.setOnDragOver(
        e -> {
          if (accepting.getAsBoolean() && model(e.getDragboard()).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            if (!target.getStyleClass().contains(HIGHLIGHT)) {
              target.getStyleClass().add(HIGHLIGHT);
            }
          }
          e.consume();
        });
    target.setOnDragExited(e -> unhighlight(target, e));
    target.setOnDragDropped(
        e -> {
          Optional<Path> model = model(e.getDragboard());
          target.getStyleClass().remove(HIGHLIGHT);
          model.ifPresent(dropped);
          e.setDropCompleted(model.isPresent());
          e.consume();
        });
  }

  private static void unhighlight(Node target, DragEvent e) {
    target.getStyleClass().remove(HIGHLIGHT);
    e.consume();
  }

  /** The one GGUF file dragged; several files or another kind are no model to load. */
  static Optional<Path> model(Dragboard board) {
    if (!board.hasFiles()) {
      return Optional.empty();
    }
    return ggufFile(board.getFiles());
  }

  static Optional<Path> ggufFile(List<File> files) {
    if (files.size() != 1) {
      return Optional.empty();
    }
    File file = files.get(0);
    return file.isFile() && file.getName().toLowerCase(Locale.ROOT).endsWith(".gguf")
        ? Optional.of(file.toPath())
        : Optional.empty();
  }
}
