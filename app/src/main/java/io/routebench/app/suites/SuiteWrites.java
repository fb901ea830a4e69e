package io.routebench.app.suites;

import io.routebench.app.forms.ExpiringMessage;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import java.util.Objects;

/**
 * Writes suite edits to the workspace file on its thread and records each edit for undo. A failed
 * write is shown and the suites reread, so what is shown is what the file holds. Confined to the UI
 * thread.
 */
final class SuiteWrites {

  private final TaskExecutor io;
  private final ExpiringMessage message;
  private final LoadedSuites loaded;
  private final EditHistory history;

  SuiteWrites(TaskExecutor io, ExpiringMessage message, LoadedSuites loaded, EditHistory history) {
    this.io = Objects.requireNonNull(io);
    this.message = Objects.requireNonNull(message);
    this.loaded = Objects.requireNonNull(loaded);
    this.history = Objects.requireNonNull(history);
  }

  /** Makes an edit now and records it, with the action that takes it back, as one undo step. */
  void makeUndoable(String label, Runnable edit, Runnable undo) {
    edit.run();
    history.done(new EditHistory.Step(label, undo, edit));
  }

  /**
   * Runs a write on the file thread.
   *
   * @param then runs on the UI thread after the write; {@code null}: reread the suite list, whose
   *     names or case counts the write may have changed
   */
  void write(String label, BackgroundTask.Action work, Runnable then) {
    io.execute(
        BackgroundTask.ofAction(label, work)
            .onSuccess(
                done -> {
                  if (!message.expires()) {
                    // A failure shown until now is over; a notice of what was done stays.
                    message.clear();
                  }
                  if (then != null) {
                    then.run();
                  } else {
                    loaded.refreshSummaries();
                  }
                })
            .onFailure(
                failure -> {
                  message.showUntilCleared("Could not " + label + ": " + failure.getMessage());
                  loaded.reload();
                }));
  }
}
