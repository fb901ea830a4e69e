package io.routebench.app.routing;

import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RecordedWrapping;
import io.routebench.core.workspace.PolicyDocument;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Keeps the router wrapping the prompt as the open workspace says its serving engine does: the
 * workspace's wrapping is what the next load uses ({@link Current}), and when it changes (an edit
 * in the Proxy tab or the router bar, an undo, another workspace) while a router made under another
 * wrapping is loaded, the same model is loaded again, or the same server connected again, under the
 * new one. Every decision and run then records the wrapping it was made under.
 *
 * <p>UI thread, except {@link Current#get()}.
 */
public final class WrappingFollower {

  /**
   * The wrapping a router loaded now must use: written on the UI thread, read by loaders on the
   * engine thread.
   */
  public static final class Current implements Supplier<PromptWrapping> {
    private volatile PromptWrapping wrapping = PromptWrapping.DEFAULT;

    @Override
    public PromptWrapping get() {
      return wrapping;
    }
  }

  private final LocalRouter router;
  private final ErrorReporter errors;
  private final Current current;
  private final ChangeListener<PolicyDocument> documentChanged =
      (obs, old, now) -> follow(now.promptWrapping());
  private WorkspaceSession session;

  /**
   * @param sessions the open workspace, {@code null} while none is
   * @param current what the router's loader reads; this keeps it up to date
   */
  public WrappingFollower(
      ObservableValue<WorkspaceSession> sessions,
      LocalRouter router,
      ErrorReporter errors,
      Current current) {
    this.router = Objects.requireNonNull(router);
    this.errors = Objects.requireNonNull(errors);
    this.current = Objects.requireNonNull(current);
    sessions.addListener((obs, old, now) -> watch(now));
    router.loadedProperty().addListener((obs, old, now) -> reloadIfOtherwiseWrapped());
    watch(sessions.getValue());
  }

  private void watch(WorkspaceSession next) {
    if (session != null) {
      session.editor().documentProperty().removeListener(documentChanged);
    }
    session = next;
    if (next == null) {
      follow(PromptWrapping.DEFAULT);
      return;
    }
    next.editor().documentProperty().addListener(documentChanged);
    follow(next.editor().document().promptWrapping());
  }

  private void follow(PromptWrapping wrapping) {
    if (wrapping.equals(current.wrapping)) {
      return;
    }
    current.wrapping = wrapping;
    reloadIfOtherwiseWrapped();
  }

  /** A load in progress is left to finish: its result is checked again when it arrives. */
  private void reloadIfOtherwiseWrapped() {
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    if (loaded == null || router.loadingProperty().get()) {
      return;
    }
    Optional<RecordedWrapping> made = loaded.selector().wrapping();
    PromptWrapping wanted = current.wrapping;
    if (made.isPresent() && !made.get().equals(wanted.recorded())) {
      router.load(
          loaded.source(),
          failure ->
              errors.showError(
                  "Cannot wrap the router prompt as " + wanted.summary() + " wraps it",
                  failure.getMessage()
                      + "\nThe router stays loaded as "
                      + made.get().summary()
                      + " wraps the prompt; change the serving engine in the Proxy tab.",
                  null));
    }
  }
}
