package io.routebench.app.workspace;

import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The policy document being edited, with undo and redo. Every change replaces the immutable
 * document with a new one, so an undo step is simply the document as it was before.
 *
 * <p>Typing produces one change per keystroke; {@link #applyTyping} merges consecutive changes with
 * the same burst key (e.g. the description of one action) into a single undo step until {@link
 * #endTypingBurst()} is called (the field lost focus) or a different change comes in.
 *
 * <p>Confined to the UI thread.
 */
public final class DocumentEditor {

  /** Older steps are dropped beyond this; each step is a whole (small) document. */
  static final int MAX_UNDO_STEPS = 500;

  private final ReadOnlyObjectWrapper<PolicyDocument> document;
  private final Consumer<PolicyDocument> changeListener;
  private final Deque<Step> undoSteps = new ArrayDeque<>();
  private final Deque<Step> redoSteps = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
  private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
  private String openBurst;

  /**
   * @param initial the document as loaded
   * @param changeListener receives every new document (edits, undo, redo), e.g. the autosaver
   */
  public DocumentEditor(PolicyDocument initial, Consumer<PolicyDocument> changeListener) {
    this.document = new ReadOnlyObjectWrapper<>(this, "document", Objects.requireNonNull(initial));
    this.changeListener = Objects.requireNonNull(changeListener);
  }

  public ReadOnlyObjectProperty<PolicyDocument> documentProperty() {
    return document.getReadOnlyProperty();
  }

  public PolicyDocument document() {
    return document.get();
  }

  /**
   * Applies a change as its own undo step.
   *
   * @param label what the change does, shown as "Undo <label>"
   */
  public void apply(String label, UnaryOperator<PolicyDocument> change) {
    openBurst = null;
    change(label, change, null);
  }

  /**
   * Applies a change that belongs to a typing burst: consecutive calls with the same {@code
   * burstKey} form one undo step.
   */
  public void applyTyping(String burstKey, String label, UnaryOperator<PolicyDocument> change) {
    Objects.requireNonNull(burstKey, "burstKey");
    change(label, change, burstKey);
  }

  /** Closes the current typing burst: the next keystroke starts a new undo step. */
  public void endTypingBurst() {
    openBurst = null;
  }

  public void undo() {
    if (undoSteps.isEmpty()) {
      return;
    }
    openBurst = null;
    Step step = undoSteps.pop();
    redoSteps.push(new Step(document.get(), step.label()));
    show(step.before());
  }

  public void redo() {
    if (redoSteps.isEmpty()) {
      return;
    }
    openBurst = null;
    Step step = redoSteps.pop();
    undoSteps.push(new Step(document.get(), step.label()));
    show(step.before());
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** What undo would revert, e.g. "rename action", or empty. */
  public ReadOnlyStringProperty undoLabelProperty() {
    return undoLabel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoLabelProperty() {
    return redoLabel.getReadOnlyProperty();
  }

  private void change(String label, UnaryOperator<PolicyDocument> change, String burstKey) {
    PolicyDocument before = document.get();
    PolicyDocument after = change.apply(before);
    if (after.equals(before)) {
      return;
    }
    boolean continuesBurst = burstKey != null && burstKey.equals(openBurst) && !undoSteps.isEmpty();
    if (!continuesBurst) {
      undoSteps.push(new Step(before, label));
      while (undoSteps.size() > MAX_UNDO_STEPS) {
        undoSteps.removeLast();
      }
    }
    openBurst = burstKey;
    redoSteps.clear();
    show(after);
  }

  private void show(PolicyDocument next) {
    document.set(next);
    canUndo.set(!undoSteps.isEmpty());
    canRedo.set(!redoSteps.isEmpty());
    undoLabel.set(undoSteps.isEmpty() ? "" : undoSteps.peek().label());
    redoLabel.set(redoSteps.isEmpty() ? "" : redoSteps.peek().label());
    changeListener.accept(next);
  }

  private record Step(PolicyDocument before, String label) {}
}
