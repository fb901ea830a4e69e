package io.routebench.app.collision;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.collision.CollisionCheck;
import io.routebench.core.collision.CollisionReport;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.workspace.PolicyDocument;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The collision check in the workbench: routes each policy's description through the loaded router
 * model on its engine thread, with progress and cancel, and keeps the matrix for the dialog.
 *
 * <p>Confined to the UI thread; the check runs as a task on the engine thread, whose callbacks
 * bring progress and results back.
 */
public final class CollisionCheckViewModel {

  /** Where the check stands. */
  public enum State {
    /** Not run yet. */
    IDLE,
    /** Asked to run without a loaded router model. */
    NO_MODEL,
    RUNNING,
    DONE,
    CANCELLED,
    FAILED
  }

  private final DocumentEditor editor;
  private final LocalRouter router;
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyObjectWrapper<CollisionReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ReadOnlyStringWrapper message =
      new ReadOnlyStringWrapper(
          this,
          "message",
          "Routes each policy's description through the loaded router: a description that lands"
              + " on another route overlaps with it.");
  private CancellationToken running;

  /** Switching routers stops the check at once: the load must not wait behind it. */
  private final ChangeListener<Boolean> switching =
      (obs, was, loading) -> {
        if (loading) {
          cancel();
        }
      };

  public CollisionCheckViewModel(DocumentEditor editor, LocalRouter router) {
    this.editor = editor;
    this.router = router;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** From 0 to 1 while running. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** The latest finished check, or {@code null}. */
  public ReadOnlyObjectProperty<CollisionReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** One line for the user about the state. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Starts a check of the policies as they are now; does nothing while one runs. */
  public void run() {
    if (state.get() == State.RUNNING) {
      return;
    }
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    if (loaded == null) {
      state.set(State.NO_MODEL);
      message.set("Load a router model in the Playtest tab first: the check asks that model.");
      return;
    }
    RouteSelector selector = loaded.selector();
    PolicyDocument document = editor.document();
    var cancellation = new CancellationToken();
    running = cancellation;
    state.set(State.RUNNING);
    router.loadingProperty().addListener(switching);
    progress.set(0);
    message.set("Routing each policy's description…");
    router.runOnEngineThread(
        BackgroundTask.of(
                "Checking the policies for collisions",
                reporter ->
                    CollisionCheck.run(
                        selector,
                        document,
                        (index, answer, count, total) -> {
                          reporter.message("Routed " + count + " of " + total + " descriptions…");
                          reporter.progress(count, total);
                        },
                        cancellation))
            .onProgress(fraction -> progressed(cancellation, fraction))
            .onMessage(line -> progressed(cancellation, line))
            .onSuccess(done -> finished(cancellation, done))
            .onFailure(
                failure ->
                    ended(
                        cancellation,
                        failure instanceof RoutingCancelledException
                            ? State.CANCELLED
                            : State.FAILED,
                        failure instanceof RoutingCancelledException
                            ? "Cancelled."
                            : "The router failed: " + failure.getMessage())));
  }

  /** Stops the running check at the next decision. */
  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  private void progressed(CancellationToken check, double fraction) {
    if (check == running && state.get() == State.RUNNING) {
      progress.set(fraction);
    }
  }

  private void progressed(CancellationToken check, String line) {
    if (check == running && state.get() == State.RUNNING) {
      message.set(line);
    }
  }

  private void finished(CancellationToken check, CollisionReport done) {
    if (check != running) {
      return;
    }
    report.set(done);
    progress.set(1);
    int collisions = done.collisions().size();
    ended(
        check,
        State.DONE,
        collisions == 0
            ? "No collisions: every description was routed to its own route."
            : collisions
                + " of "
                + done.probes().size()
                + " descriptions were routed to another route: see the highlighted cells.");
  }

  private void ended(CancellationToken check, State end, String why) {
    if (check != running) {
      return;
    }
    running = null;
    router.loadingProperty().removeListener(switching);
    state.set(end);
    message.set(why);
  }
}
