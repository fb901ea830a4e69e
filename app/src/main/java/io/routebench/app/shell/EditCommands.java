package io.routebench.app.shell;

import io.routebench.app.workspace.WorkspaceManager;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * The Edit menu's commands, sent to the open workspace: Undo and Redo to the edits in front (the
 * playtest's, the suites'), else to the document; the node commands to the taxonomy. Without a
 * workspace they do nothing.
 */
final class EditCommands {

  private final WorkspaceManager workspaces;
  private final CurrentScreen current;

  EditCommands(WorkspaceManager workspaces, CurrentScreen current) {
    this.workspaces = workspaces;
    this.current = current;
  }

  /**
   * Makes Undo and Redo the document's wherever the focus is: text controls would otherwise take
   * the keys for their own, field-local undo.
   */
  void takeUndoKeys(Scene scene) {
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::undoKeys);
  }

  void undo() {
    WorkspacePane pane = current.pane();
    if (pane != null && (pane.undoInPlaytest() || pane.suites().undo())) {
      return;
    }
    workspaces.current().ifPresent(session -> session.editor().undo());
  }

  void redo() {
    WorkspacePane pane = current.pane();
    if (pane != null && pane.suites().redo()) {
      return;
    }
    workspaces.current().ifPresent(session -> session.editor().redo());
  }

  void addDomain() {
    current.withPane(WorkspacePane::addDomain);
  }

  void addAction() {
    current.withPane(WorkspacePane::addAction);
  }

  void deleteNode() {
    current.withPane(pane -> pane.taxonomy().deleteSelected());
  }

  void moveNodeUp() {
    current.withPane(pane -> pane.taxonomy().moveSelectedUp());
  }

  void moveNodeDown() {
    current.withPane(pane -> pane.taxonomy().moveSelectedDown());
  }

  private void undoKeys(KeyEvent event) {
    if (WorkbenchMenuBar.UNDO.match(event)) {
      undo();
      event.consume();
    } else if (WorkbenchMenuBar.REDO.match(event)
        || WorkbenchMenuBar.REDO_ALTERNATIVE.match(event)) {
      redo();
      event.consume();
    }
  }
}
