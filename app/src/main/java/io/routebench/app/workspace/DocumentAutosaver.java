package io.routebench.app.workspace;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.TaskHandle;
import io.routebench.app.tasks.UiTimer;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.PolicyDocumentRepository;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Writes every edit to the workspace without blocking the UI. Keystrokes arrive far faster than
 * saves are worth doing, so edits are coalesced: the first unsaved edit arms a timer, and when it
 * fires the newest document is saved; edits made during a save are saved right after it. At most
 * one save is in flight, so saves can never overtake each other.
 *
 * <p>Nothing is lost: the newest document is remembered until a save of it has returned, a failed
 * save is retried with the next edit, and {@link #flush} (close, exit) writes it synchronously.
 *
 * <p>Confined to the UI thread, apart from the save itself.
 */
public final class DocumentAutosaver {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(300);

  private final PolicyDocumentRepository repository;
  private final TaskExecutor saves;
  private final UiTimer timer;
  private final Duration interval;
  private final ReadOnlyObjectWrapper<SaveState> state =
      new ReadOnlyObjectWrapper<>(this, "state", SaveState.SAVED);
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

  /** Written by the saving thread when a save has returned: durable from then on. */
  private final AtomicReference<PolicyDocument> durable;

  private PolicyDocument latest;
  private UiTimer.Scheduled armedTimer;
  private boolean saving;
  private TaskHandle inFlight;

  /** Lets {@link #flush} disown the callbacks of a save it already waited for. */
  private long saveGeneration;

  /**
   * @param loaded the document as read from {@code repository}, hence already durable
   * @param saves executes the saves; a single-thread executor keeps them in order
   */
  public DocumentAutosaver(
      PolicyDocumentRepository repository,
      PolicyDocument loaded,
      TaskExecutor saves,
      UiTimer timer,
      Duration interval) {
    this.repository = repository;
    this.saves = saves;
    this.timer = timer;
    this.interval = interval;
    this.latest = loaded;
    this.durable = new AtomicReference<>(loaded);
  }

  public ReadOnlyObjectProperty<SaveState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Why the last save failed, or empty. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** Records a new version of the document; it is saved within the interval. */
  public void submit(PolicyDocument document) {
    latest = document;
    if (saving) {
      // saveFinished picks the newest document up.
      return;
    }
    if (isDurable()) {
      // Undo back to what is on disk: nothing left to write.
      cancelTimer();
      markSaved();
      return;
    }
    state.set(SaveState.PENDING);
    if (armedTimer == null) {
      armedTimer = timer.schedule(interval, this::saveLatest);
    }
  }

  /** Saves without waiting for the timer, e.g. when a field loses focus. */
  public void saveSoon() {
    if (!saving && !isDurable()) {
      saveLatest();
    }
  }

  /**
   * Writes the newest document before returning, waiting for a save in flight first. Used on close
   * and exit.
   *
   * @throws RuntimeException the repository's failure: the edit is still only in memory
   */
  public void flush(Duration waitForSaveInFlight) throws InterruptedException {
    if (saving && inFlight != null) {
      inFlight.awaitCompletion(waitForSaveInFlight);
    }
    // Whatever the save in flight reports from now on is moot: this method finishes the job.
    saveGeneration++;
    cancelTimer();
    saving = false;
    inFlight = null;
    if (isDurable()) {
      markSaved();
      return;
    }
    PolicyDocument document = latest;
    try {
      repository.save(document);
    } catch (RuntimeException e) {
      markFailed(e);
      throw e;
    }
    durable.set(document);
    markSaved();
  }

  /** Whether the newest document is known to be in the workspace file. */
  public boolean isDurable() {
    return durable.get() == latest;
  }

  /** The newest document, saved or not: what a rescue copy must contain. */
  public PolicyDocument latest() {
    return latest;
  }

  private void saveLatest() {
    armedTimer = null;
    if (isDurable()) {
      markSaved();
      return;
    }
    PolicyDocument document = latest;
    long generation = ++saveGeneration;
    saving = true;
    state.set(SaveState.SAVING);
    TaskHandle handle =
        saves.execute(
            BackgroundTask.ofAction(
                    "Saving policies",
                    () -> {
                      repository.save(document);
                      durable.set(document);
                    })
                .onSuccess(ignored -> saveFinished(generation, null))
                .onFailure(e -> saveFinished(generation, e)));
    // A same-thread executor has already finished (and reported) by now.
    if (saving && generation == saveGeneration) {
      inFlight = handle;
    }
  }

  private void saveFinished(long generation, Throwable error) {
    if (generation != saveGeneration) {
      return;
    }
    saving = false;
    inFlight = null;
    if (error != null) {
      markFailed(error);
    } else if (isDurable()) {
      markSaved();
    } else {
      state.set(SaveState.PENDING);
      armedTimer = timer.schedule(interval, this::saveLatest);
    }
  }

  private void markSaved() {
    failure.set("");
    state.set(SaveState.SAVED);
  }

  private void markFailed(Throwable error) {
    String reason =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    failure.set(reason);
    state.set(SaveState.FAILED);
  }

  private void cancelTimer() {
    if (armedTimer != null) {
      armedTimer.cancel();
      armedTimer = null;
    }
  }
}
