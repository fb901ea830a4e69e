package io.routebench.app.playtest;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.PlaytestConversationRepository;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;

/**
 * Keeps a workspace's playtest in its file: brings the conversation back when the workspace opens
 * and saves it after every change (message, reply, draft), on the file's thread. Changes that come
 * faster than the file takes them (a streamed reply) are merged: only the newest state is written.
 */
public final class PlaytestMemory {

  private final PlaytestViewModel playtest;
  private final PlaytestConversationRepository repository;
  private final TaskExecutor fileTasks;
  private final Consumer<Throwable> saveFailed;

  /** The state waiting to be written, or {@code null} when the file has the newest. */
  private final AtomicReference<PlaytestConversation> unsaved = new AtomicReference<>();

  /** Held while a state is taken and written, so that an older one never lands after a newer. */
  private final Object writing = new Object();

  private final InvalidationListener changed = obs -> saveSoon();
  private final ListChangeListener<Turn> turnsChanged = change -> saveSoon();
  private boolean listening;

  /** Set by {@link #dispose()}: a read finishing afterwards restores and saves nothing. */
  private boolean disposed;

  /**
   * @param fileTasks the workspace file's thread, where its other writes run in order
   * @param saveFailed told (on the UI thread) why the conversation could not be kept
   */
  public PlaytestMemory(
      PlaytestViewModel playtest,
      PlaytestConversationRepository repository,
      TaskExecutor fileTasks,
      Consumer<Throwable> saveFailed) {
    this.playtest = playtest;
    this.repository = Objects.requireNonNull(repository);
    this.fileTasks = fileTasks;
    this.saveFailed = saveFailed;
  }

  /**
   * Reads the kept conversation and shows it, then saves each change. Until it is read nothing is
   * saved, so a conversation is never overwritten before it was brought back.
   *
   * @param keepChanges whether to save changes (not in a read-only workspace)
   */
  public void restore(boolean keepChanges) {
    fileTasks.execute(
        BackgroundTask.of("Reading the playtest conversation", progress -> repository.load())
            .onSuccess(
                kept -> {
                  if (disposed) {
                    return;
                  }
                  playtest.restore(kept);
                  if (keepChanges) {
                    listen();
                    saveSoon(); // what the user typed while it was read, if anything
                  }
                })
            .onFailure(
                failure -> {
                  // An unreadable row must not be replaced by an empty conversation.
                  saveFailed.accept(failure);
                }));
  }

  /**
   * Writes the conversation as it stands now, before the workspace file closes (a save still queued
   * would find it closed), and stops saving. Nothing to write before it was restored.
   */
  public void flushAndStop() {
    if (!listening) {
      return;
    }
    dispose();
    synchronized (writing) {
      unsaved.set(null);
      repository.save(playtest.conversation().snapshot());
    }
  }

  /** Stops saving. */
  public void dispose() {
    disposed = true;
    if (listening) {
      playtest.conversation().turns().removeListener(turnsChanged);
      playtest.conversation().draftProperty().removeListener(changed);
      playtest.conversation().draftRoleProperty().removeListener(changed);
      listening = false;
    }
  }

  private void listen() {
    playtest.conversation().turns().addListener(turnsChanged);
    playtest.conversation().draftProperty().addListener(changed);
    playtest.conversation().draftRoleProperty().addListener(changed);
    listening = true;
  }

  private void saveSoon() {
    if (unsaved.getAndSet(playtest.conversation().snapshot()) != null) {
      return; // a save is queued and will take the newest state
    }
    fileTasks.execute(
        BackgroundTask.ofAction(
                "Keeping the playtest conversation",
                () -> {
                  synchronized (writing) {
                    PlaytestConversation newest = unsaved.getAndSet(null);
                    if (newest != null) {
                      repository.save(newest);
                    }
                  }
                })
            .onFailure(saveFailed));
  }
}
