package io.routebench.app.workspace;

import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.UiTimer;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which workspace the workbench has open, and the user's ways of changing it: open, create, close,
 * and the first start. Files are opened on a background thread; the previous workspace stays open
 * until the new one has loaded, so a failed open leaves the user where they were.
 *
 * <p>Confined to the UI thread.
 */
public final class WorkspaceManager {

  /** How long closing waits for a save already being written before writing the last edit. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(WorkspaceManager.class.getName());

  private final WorkspaceStore store;
  private final SettingsStore settings;
  private final Path workspaceDir;
  private final TaskExecutor io;
  private final TaskExecutor saves;
  private final UiTimer timer;
  private final Duration saveInterval;
  private final ErrorReporter errors;
  private final ReadOnlyObjectWrapper<WorkspaceSession> current =
      new ReadOnlyObjectWrapper<>(this, "current");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

  /**
   * @param io opens and creates workspace files
   * @param saves writes autosaves; must run one task at a time so that saves stay in order
   */
  public WorkspaceManager(
      WorkspaceStore store,
      SettingsStore settings,
      Path workspaceDir,
      TaskExecutor io,
      TaskExecutor saves,
      UiTimer timer,
      Duration saveInterval,
      ErrorReporter errors) {
    this.store = store;
    this.settings = settings;
    this.workspaceDir = workspaceDir;
    this.io = io;
    this.saves = saves;
    this.timer = timer;
    this.saveInterval = saveInterval;
    this.errors = errors;
  }

  /** The open workspace, or {@code null} when none is (the welcome screen shows). */
  public ReadOnlyObjectProperty<WorkspaceSession> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public Optional<WorkspaceSession> current() {
    return Optional.ofNullable(current.get());
  }

  /** True while a workspace is being opened or created. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public List<Path> recentWorkspaces() {
    return settings.current().recentWorkspaces();
  }

  public Path workspaceDir() {
    return workspaceDir;
  }

  /**
   * What the workbench opens when it starts: the file it was asked to open (a double-clicked
   * workspace), else the most recent workspace that still exists, else — on a first start — the
   * user's first workspace with a sample taxonomy.
   */
  public void openAtStartup(Optional<Path> requested) {
    if (requested.isPresent()) {
      open(requested.get());
      return;
    }
    List<Path> recent = recentWorkspaces();
    if (recent.isEmpty()) {
      load(
          "Creating your first workspace",
          () -> FirstWorkspace.openOrCreate(store, workspaceDir),
          "Cannot create your first workspace");
      return;
    }
    recent.stream().filter(Files::isRegularFile).findFirst().ifPresent(this::open);
  }

  public void open(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    if (current().map(s -> s.path().equals(normalized)).orElse(false)) {
      return;
    }
    if (!Files.exists(normalized)) {
      boolean wasRecent = recentWorkspaces().contains(normalized);
      settings.update(s -> s.withoutRecentWorkspace(normalized));
      errors.showError(
          "Cannot open workspace",
          normalized
              + " does not exist."
              + (wasRecent ? " It was removed from the recent workspaces." : ""),
          null);
      return;
    }
    load(
        "Opening " + normalized.getFileName(),
        () -> LoadedWorkspace.load(() -> store.open(normalized)),
        "Cannot open workspace");
  }

  /** Creates an empty workspace at {@code file} (extension added when missing) and opens it. */
  public void create(Path file) {
    Path target = WorkspaceFiles.withExtension(file.toAbsolutePath().normalize());
    PolicyDocument empty = PolicyDocument.empty(WorkspaceFiles.displayName(target));
    load(
        "Creating " + target.getFileName(),
        () ->
            LoadedWorkspace.load(
                () -> {
                  OpenWorkspace workspace = store.create(target);
                  try {
                    workspace.policies().save(empty);
                  } catch (RuntimeException e) {
                    workspace.close();
                    throw e;
                  }
                  return workspace;
                }),
        "Cannot create workspace");
  }

  /**
   * Saves the last edit and closes the workspace. If the save fails, the edit is written to a
   * policy YAML beside the workspace and the user is told where; if even that fails the workspace
   * stays open.
   *
   * @return whether no workspace is open any more
   */
  public boolean close() {
    WorkspaceSession session = current.get();
    if (session == null) {
      return true;
    }
    try {
      session.close(CLOSE_WAIT);
    } catch (InterruptedException e) {
      // Interrupted while the last save finished: the answer is "still open" (nothing was closed
      // or lost), and the interrupt is passed on to whoever asked.
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException saveFailure) {
      if (!rescue(session, saveFailure)) {
        return false;
      }
      session.abandon();
    }
    current.set(null);
    return true;
  }

  private boolean rescue(WorkspaceSession session, RuntimeException saveFailure) {
    PolicyDocument unsaved = session.autosaver().latest();
    try {
      Path copy = UnsavedChangesRescue.write(session.path(), unsaved, workspaceDir);
      errors.showError(
          "Your last changes could not be saved",
          session.path()
              + " did not accept the last changes ("
              + saveFailure.getMessage()
              + ").\nThey were written to "
              + copy
              + " instead; import that file to get them back.",
          saveFailure);
      return true;
    } catch (IOException | RuntimeException rescueFailure) {
      saveFailure.addSuppressed(rescueFailure);
      LOG.log(Level.ERROR, "cannot save or rescue the edits of " + session.path(), saveFailure);
      errors.showError(
          "Your last changes could not be saved",
          session.path()
              + " did not accept the last changes ("
              + saveFailure.getMessage()
              + "), and no copy could be written. The workspace stays open so nothing is lost;"
              + " free some disk space or check the file's permissions, then try again.",
          saveFailure);
      return false;
    }
  }

  private void load(String title, Supplier<LoadedWorkspace> loader, String failureTitle) {
    busy.set(true);
    io.execute(
        BackgroundTask.of(title, progress -> loader.get())
            .onSuccess(this::switchTo)
            .onFailure(
                failure -> {
                  busy.set(false);
                  LOG.log(Level.WARNING, failureTitle, failure);
                  // A refusal with no underlying exception (the workspace is open elsewhere)
                  // needs no stack trace behind "Details".
                  boolean plainRefusal =
                      failure instanceof WorkspaceAccessException && failure.getCause() == null;
                  errors.showError(
                      failureTitle, userMessage(failure), plainRefusal ? null : failure);
                }));
  }

  private void switchTo(LoadedWorkspace loaded) {
    busy.set(false);
    if (!close()) {
      loaded.workspace().close();
      return;
    }
    Path path = loaded.workspace().path().toAbsolutePath().normalize();
    current.set(
        WorkspaceSession.start(loaded.workspace(), loaded.document(), saves, timer, saveInterval));
    settings.update(s -> s.withRecentWorkspace(path));
  }

  private static String userMessage(Throwable failure) {
    if (failure instanceof WorkspaceAccessException) {
      return failure.getMessage();
    }
    String reason = failure.getMessage();
    return reason == null || reason.isBlank() ? failure.getClass().getSimpleName() : reason;
  }
}
