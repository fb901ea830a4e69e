package io.routebench.app.collision;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.collision.CollisionCheck;
import io.routebench.core.collision.CollisionReport;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.workspace.PolicyDocument;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The collision check in the workbench: routes each policy's description through the loaded router
 * model on its engine thread, with progress and cancel, and keeps the matrix for the dialog.
 *
 * <p>Confined to the UI thread; results reach it through {@code ui}.
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
  private final Executor ui;
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

  /**
   * @param ui runs results on the UI thread ({@code Platform::runLater})
   */
  public CollisionCheckViewModel(DocumentEditor editor, LocalRouter router, Executor ui) {
    this.editor = editor;
    this.router = router;
    this.ui = ui;
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
    progress.set(0);
    message.set("Routing each policy's description…");
    router.runOnEngineThread(
        () -> {
          try {
            CollisionReport done =
                CollisionCheck.run(
                    selector,
                    document,
                    (index, answer, count, total) ->
                        ui.execute(() -> progressed(cancellation, count, total)),
                    cancellation);
            ui.execute(() -> finished(cancellation, done));
          } catch (RoutingCancelledException e) {
            ui.execute(() -> ended(cancellation, State.CANCELLED, "Cancelled."));
          } catch (RuntimeException e) {
            ui.execute(
                () -> ended(cancellation, State.FAILED, "The router failed: " + e.getMessage()));
          }
        });
  }

  /** Stops the running check at the next decision. */
  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  private void progressed(CancellationToken check, int done, int total) {
    if (check == running && state.get() == State.RUNNING) {
      progress.set(done / (double) total);
      message.set("Routed " + done + " of " + total + " descriptions…");
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
    state.set(end);
    message.set(why);
  }
}
