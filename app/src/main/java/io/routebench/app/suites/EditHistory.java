package io.routebench.app.suites;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo and redo for edits of suites and cases. Unlike the policy document, suites live in the
 * workspace file rather than in one immutable value, so a step is a pair of actions that write the
 * file: one taking the edit back, one making it again. Confined to the UI thread.
 */
public final class EditHistory {

  static final int MAX_STEPS = 500;

  /** One undoable edit; both actions persist what they do. */
  public record Step(String label, Runnable undo, Runnable redo) {}

  private final Deque<Step> undoSteps = new ArrayDeque<>();
  private final Deque<Step> redoSteps = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
  private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");

  /** Records an edit that has just been made. */
  public void done(Step step) {
    undoSteps.push(step);
    while (undoSteps.size() > MAX_STEPS) {
      undoSteps.removeLast();
    }
    redoSteps.clear();
    update();
  }

  /** Takes the last edit back; whether there was one. */
  public boolean undo() {
    if (undoSteps.isEmpty()) {
      return false;
    }
    Step step = undoSteps.pop();
    redoSteps.push(step);
    update();
    step.undo().run();
    return true;
  }

  /** Makes the last undone edit again; whether there was one. */
  public boolean redo() {
    if (redoSteps.isEmpty()) {
      return false;
    }
    Step step = redoSteps.pop();
    undoSteps.push(step);
    update();
    step.redo().run();
    return true;
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** What undo would take back, e.g. "rename suite", or empty. */
  public ReadOnlyStringProperty undoLabelProperty() {
    return undoLabel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoLabelProperty() {
    return redoLabel.getReadOnlyProperty();
  }

  private void update() {
    canUndo.set(!undoSteps.isEmpty());
    canRedo.set(!redoSteps.isEmpty());
    undoLabel.set(undoSteps.isEmpty() ? "" : undoSteps.peek().label());
    redoLabel.set(redoSteps.isEmpty() ? "" : redoSteps.peek().label());
  }
}
