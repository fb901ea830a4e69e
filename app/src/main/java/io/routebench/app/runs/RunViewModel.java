package io.routebench.app.runs;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.run.OrderSensitivity;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.RunRecorder;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.ShuffledRouteOrder;
import io.routebench.core.run.StoringRunRecorder;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs a suite (or some of its cases) with the loaded router model, the way {@code routebench test}
 * does ({@link RegressionRunner}, the same metrics): off the UI thread, every answer stored as it
 * arrives and shown as it arrives, with progress, rate and time left; cancellable and resumable.
 * Optionally repeats the suite with the routes shuffled to measure order sensitivity.
 *
 * <p>Confined to the UI thread; the run itself runs on a worker that queues its turns on the
 * router's engine thread a few at a time ({@link EngineThreadSelector}).
 */
public final class RunViewModel {

  /** What the run page is doing. */
  public enum State {
    /** Ready to start a run (when a model is loaded). */
    IDLE,
    RUNNING,
    /** Cancel asked; waiting for the turn in progress to stop. */
    CANCELLING
  }

  /** A run's end: the stored run and, when asked for, how its decisions depend on route order. */
  public record Outcome(RegressionRun run, OrderSensitivity orderSensitivity) {}

  private final LocalRouter router;
  private final RegressionRunRepository runs;
  private final TaskExecutor workers;
  private final ReadOnlyObjectProperty<PolicyDocument> document;
  private final LongSupplier nanoTime;
  private final Consumer<Outcome> finished;
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
  private final ObservableList<TurnResult> liveResults = FXCollections.observableArrayList();
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<TurnResult> liveResultsView =
      FXCollections.unmodifiableObservableList(liveResults);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper progressText =
      new ReadOnlyStringWrapper(this, "progressText", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyObjectWrapper<Outcome> outcome =
      new ReadOnlyObjectWrapper<>(this, "outcome");
  private final IntegerProperty shuffles = new SimpleIntegerProperty(this, "shuffles", 0);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
  private final ChangeListener<LocalRouter.Loaded> modelChanged =
      (obs, old, now) -> {
        cancel();
        // "Load a router model" is out of date once one is loaded.
        if (now != null && message.get().equals(NO_MODEL)) {
          message.set("");
        }
      };

  private static final String NO_MODEL = "Load a router model (Playtest tab) to run the suite.";

  /** Switching routers stops the run at once: the load must not wait behind its turns. */
  private final ChangeListener<Boolean> switching =
      (obs, was, loading) -> {
        if (loading) {
          cancel();
        }
      };

  /** Answers heard on the engine thread, waiting for the UI thread to show them. */
  private final ConcurrentLinkedQueue<TurnResult> arrived = new ConcurrentLinkedQueue<>();

  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final AtomicInteger answered = new AtomicInteger();
  private CancellationToken cancellation = new CancellationToken();
  private int total;
  private long startedNanos;

  /**
   * @param workers runs the run's own thread (it mostly waits for the engine thread)
   * @param nanoTime the clock rate and time left are measured with ({@code System::nanoTime})
   * @param finished told on the UI thread about every run that ended (stored by then)
   */
  public RunViewModel(
      LocalRouter router,
      RegressionRunRepository runs,
      TaskExecutor workers,
      ReadOnlyObjectProperty<PolicyDocument> document,
      LongSupplier nanoTime,
      Consumer<Outcome> finished) {
    this.router = Objects.requireNonNull(router);
    this.runs = Objects.requireNonNull(runs);
    this.workers = Objects.requireNonNull(workers);
    this.document = Objects.requireNonNull(document);
    this.nanoTime = Objects.requireNonNull(nanoTime);
    this.finished = Objects.requireNonNull(finished);
    router.loadedProperty().addListener(modelChanged);
    router.loadingProperty().addListener(switching);
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The results of the run in progress (or the last one), as they arrived. */
  public ObservableList<TurnResult> liveResults() {
    return liveResultsView;
  }

  /** Done / total, 0..1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** E.g. "12 / 40 turns · 3.1 turns/s · about 9 s left". */
  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** How the last run ended, or why one cannot start. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The last run that ended in this session, or {@code null}. */
  public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  /** How many extra passes with shuffled route order a run makes (0: none). */
  public IntegerProperty shufflesProperty() {
    return shuffles;
  }

  /** The seed of the first shuffled pass; pass k uses seed + k - 1. */
  public LongProperty seedProperty() {
    return seed;
  }

  /** Runs every user turn of {@code scope}: a suite, or some of its cases under its id. */
  public void start(TestSuite scope) {
    RouteSelector selector = selectorOrExplain();
    if (selector == null || state.get() != State.IDLE) {
      return;
    }
    PolicyDocument policies = document.get();
    int passes = 1 + Math.max(0, shuffles.get());
    long firstSeed = seed.get();
    begin(turnsOf(scope) * passes, List.of());
    CancellationToken token = cancellation;
    run(
        "Running " + scope.name(),
        () -> {
          var runner = new RegressionRunner();
          RegressionRun run = runner.run(selector, policies, scope, counting(), token, streaming());
          OrderSensitivity sensitivity = null;
          if (passes > 1 && run.status() == RunStatus.COMPLETED) {
            var results = new ArrayList<List<TurnResult>>();
            results.add(run.results());
            for (int pass = 1; pass < passes && !token.isCancelled(); pass++) {
              var shuffled = new ShuffledRouteOrder(selector, firstSeed + pass - 1);
              RegressionRun again = runner.run(shuffled, policies, scope, counting(), token);
              if (again.status() != RunStatus.COMPLETED) {
                break;
              }
              results.add(again.results());
            }
            sensitivity = OrderSensitivity.of(results);
          }
          return new Outcome(run, sensitivity);
        });
  }

  /**
   * Completes a cancelled, interrupted or failed run: asks only the turns it has no answer for.
   *
   * @param scope the cases the run was made of (the whole suite when that is not known)
   */
  public void resume(RegressionRun previous, TestSuite scope) {
    RouteSelector selector = selectorOrExplain();
    if (selector == null || state.get() != State.IDLE) {
      return;
    }
    PolicyDocument policies = document.get();
    begin(turnsOf(scope), previous.results());
    answered.set(previous.results().size());
    CancellationToken token = cancellation;
    run(
        "Resuming the run of " + scope.name(),
        () ->
            new Outcome(
                new RegressionRunner()
                    .resume(selector, policies, scope, previous, counting(), token, streaming()),
                null));
  }

  /** Stops the run after the turn in progress; what was answered is kept and can be resumed. */
  public void cancel() {
    if (state.get() == State.RUNNING) {
      state.set(State.CANCELLING);
      cancellation.cancel();
    }
  }

  /** The workspace is closing: stop any run and stop listening to the shared router. */
  public void dispose() {
    router.loadedProperty().removeListener(modelChanged);
    router.loadingProperty().removeListener(switching);
    cancellation.cancel();
  }

  private RouteSelector selectorOrExplain() {
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    if (loaded == null) {
      message.set(NO_MODEL);
      return null;
    }
    var made = loaded.selector().wrapping();
    PromptWrapping wanted = document.get().promptWrapping();
    if (made.isPresent() && !made.get().equals(wanted.recorded())) {
      // The router is being loaded again for the workspace's serving engine (WrappingFollower).
      message.set(
          "The router still wraps the prompt as "
              + made.get().summary()
              + " does; the workspace says "
              + wanted.summary()
              + ". Run the suite once the router has loaded again.");
      return null;
    }
    return new EngineThreadSelector(loaded.selector(), router::runOnEngineThread);
  }

  private void begin(int turns, List<TurnResult> kept) {
    cancellation = new CancellationToken();
    total = turns;
    answered.set(0);
    arrived.clear();
    liveResults.setAll(kept);
    startedNanos = nanoTime.getAsLong();
    state.set(State.RUNNING);
    message.set("");
    showProgress();
  }

  private void run(String title, java.util.concurrent.Callable<Outcome> work) {
    workers.execute(
        BackgroundTask.of(title, reporter -> work.call())
            .onSuccess(this::ended)
            .onFailure(
                failure -> {
                  drain();
                  state.set(State.IDLE);
                  message.set("The run could not be made: " + failure.getMessage());
                }));
  }

  private void ended(Outcome ended) {
    drain();
    state.set(State.IDLE);
    RegressionRun run = ended.run();
    liveResults.setAll(run.results());
    message.set(describe(run));
    outcome.set(ended);
    finished.accept(ended);
  }

  /** Counts answers for the progress bar (all passes). */
  private BatchProgressListener counting() {
    return (index, answer, done, all) -> {
      answered.incrementAndGet();
      queueDrain();
    };
  }

  /** Stores answers as they arrive and hands them to the UI thread. */
  private RunRecorder streaming() {
    RunRecorder store = new StoringRunRecorder(runs);
    return new RunRecorder() {
      @Override
      public void started(RegressionRun header, SortedMap<Integer, TurnResult> results) {
        store.started(header, results);
      }

      @Override
      public void answered(String runId, int ordinal, TurnResult result) {
        store.answered(runId, ordinal, result);
        arrived.add(result);
        queueDrain();
      }

      @Override
      public void finished(RegressionRun run) {
        store.finished(run);
      }
    };
  }

  /** At most one pending hop to the UI thread, however fast answers arrive. */
  private void queueDrain() {
    if (drainQueued.compareAndSet(false, true)) {
      workers.runOnUiThread(this::drain);
    }
  }

  private void drain() {
    drainQueued.set(false);
    var batch = new ArrayList<TurnResult>();
    for (TurnResult result; (result = arrived.poll()) != null; ) {
      batch.add(result);
    }
    if (!batch.isEmpty()) {
      liveResults.addAll(batch);
    }
    showProgress();
  }

  private void showProgress() {
    int done = Math.min(answered.get(), total);
    progress.set(total == 0 ? 0 : (double) done / total);
    double seconds = (nanoTime.getAsLong() - startedNanos) / 1e9;
    String text = done + " / " + total + " turns";
    if (done > 0 && seconds > 0) {
      double rate = done / seconds;
      text +=
          String.format(Locale.ROOT, " · %.1f turns/s", rate)
              + (done < total ? " · about " + duration((total - done) / rate) + " left" : "");
    }
    progressText.set(text);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
  }

  private static String describe(RegressionRun run) {
    return switch (run.status()) {
      case COMPLETED -> "Run finished: " + run.results().size() + " turns.";
      case CANCELLED ->
          "Run cancelled after "
              + run.results().size()
              + " turns; they are stored, and Resume asks the rest.";
      case FAILED -> "Run failed: " + run.failureMessage() + " (Resume tries the rest again).";
      case INTERRUPTED, RUNNING -> "Run " + run.status().name().toLowerCase(Locale.ROOT) + ".";
    };
  }

  static int turnsOf(TestSuite scope) {
    return scope.cases().stream().mapToInt(c -> c.userTurnIndexes().size()).sum();
  }
}
