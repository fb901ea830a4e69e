package io.routebench.app.parity;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterSource;
import io.routebench.app.runs.EngineThreadSelector;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.parity.ParityReport;
import io.routebench.core.parity.ParityRunner;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.remote.PlanoListenerSettings;
import io.routebench.inference.remote.PlanoRouteSelector;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A parity run in the workbench, as {@code routebench parity} makes it: one suite through a running
 * plano and through the router loaded in the router bar (a model file or a model server), off the
 * UI thread with progress and cancel, then every turn the two route apart, with both answers.
 *
 * <p>Confined to the UI thread; the run reaches the loaded model on its engine thread.
 */
public final class ParityViewModel {

  /** What the dialog is doing. */
  public enum State {
    IDLE,
    /** Loading the suite, then running both routers. */
    RUNNING,
    /** Cancel asked: the answers in flight finish, the rest are not asked. */
    CANCELLING
  }

  private final LocalRouter router;
  private final TestSuiteRepository suitesRepository;
  private final TaskExecutor fileTasks;
  private final TaskExecutor workers;
  private final Supplier<PolicyDocument> document;
  private final ObservableList<SuiteSummary> suites = FXCollections.observableArrayList();
  private final ObjectProperty<SuiteSummary> suite = new SimpleObjectProperty<>(this, "suite");
  private final StringProperty planoAddress = new SimpleStringProperty(this, "planoAddress", "");
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyObjectWrapper<ParityReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ObservableList<ParityReport.Difference> differences =
      FXCollections.observableArrayList();
  private final StringBinding problem;
  // A run must not go on asking a model that was replaced or unloaded.
  private final ChangeListener<LocalRouter.Loaded> routerChanged = (obs, old, now) -> cancel();
  private CancellationToken cancellation = new CancellationToken();

  /**
   * @param suitesRepository the open workspace's suites, read on {@code fileTasks}
   * @param workers runs the run's own thread (it mostly waits for plano and the engine thread)
   * @param document the workspace's policies as they are now
   * @param planoAddress the plano listener to offer (the one connected to last)
   */
  public ParityViewModel(
      LocalRouter router,
      TestSuiteRepository suitesRepository,
      TaskExecutor fileTasks,
      TaskExecutor workers,
      Supplier<PolicyDocument> document,
      String planoAddress) {
    this.router = Objects.requireNonNull(router);
    this.suitesRepository = Objects.requireNonNull(suitesRepository);
    this.fileTasks = Objects.requireNonNull(fileTasks);
    this.workers = Objects.requireNonNull(workers);
    this.document = Objects.requireNonNull(document);
    this.planoAddress.set(planoAddress);
    problem =
        Bindings.createStringBinding(
            this::currentProblem, suite, this.planoAddress, router.loadedProperty(), state);
    router.loadedProperty().addListener(routerChanged);
  }

  /** Stops a run in progress and lets go of the router (the dialog closed). */
  public void dispose() {
    cancel();
    router.loadedProperty().removeListener(routerChanged);
  }

  public ObservableList<SuiteSummary> suites() {
    return suites;
  }

  public ObjectProperty<SuiteSummary> suiteProperty() {
    return suite;
  }

  public StringProperty planoAddressProperty() {
    return planoAddress;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** From 0 to 1 over both routers' answers. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** What the run is doing, or how it ended. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The last parity run's report, or {@code null}. */
  public ReadOnlyObjectProperty<ParityReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** The turns the last run's routers routed apart. */
  public ObservableList<ParityReport.Difference> differences() {
    return differences;
  }

  /** Why a run cannot start now, or {@code ""}. */
  public StringBinding problemProperty() {
    return problem;
  }

  /** The router compared with plano, in words, or why there is none. */
  public String routerDescription() {
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    return loaded == null ? "no router model loaded" : loaded.description();
  }

  /** Lists the workspace's suites, off the UI thread; the first is chosen. */
  public void loadSuites() {
    fileTasks.execute(
        BackgroundTask.of("List suites", progress -> suitesRepository.listSuites())
            .onSuccess(
                listed -> {
                  suites.setAll(listed);
                  if (suite.get() == null && !listed.isEmpty()) {
                    suite.set(listed.get(0));
                  }
                }));
  }

  /** Loads the chosen suite, then runs it through both routers. */
  public void start() {
    if (!problem.get().isEmpty()) {
      message.set(problem.get());
      return;
    }
    PolicyDocument policies = document.get();
    var errors = PolicyValidator.validate(policies);
    if (errors.hasErrors()) {
      message.set(
          "The workspace's policies have errors (see the Policies tab): fix them before a parity"
              + " run.");
      return;
    }
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    PlanoListenerSettings listener = new PlanoListenerSettings(planoAddress.get().strip());
    String suiteId = suite.get().id();
    cancellation = new CancellationToken();
    CancellationToken token = cancellation;
    state.set(State.RUNNING);
    progress.set(0);
    report.set(null);
    differences.clear();
    message.set("Loading the suite…");
    fileTasks.execute(
        BackgroundTask.of("Load suite", p -> suitesRepository.findSuite(suiteId))
            .onSuccess(
                found -> {
                  if (found.isEmpty()) {
                    ended("The suite was deleted meanwhile.");
                  } else if (token.isCancelled()) {
                    ended("Cancelled before the first answer.");
                  } else {
                    run(found.get(), policies, loaded, listener, token);
                  }
                })
            .onFailure(failure -> ended("The suite could not be read: " + failure.getMessage())));
  }

  private void run(
      TestSuite scope,
      PolicyDocument policies,
      LocalRouter.Loaded loaded,
      PlanoListenerSettings listener,
      CancellationToken token) {
    // Said before the work is handed over: its outcome may come back before execute returns.
    message.set(
        String.format(
            Locale.ROOT,
            "Running %s through plano at %s and %s…",
            scope.name(),
            listener.baseUrl(),
            loaded.source().statusLabel()));
    workers.execute(
        BackgroundTask.of(
                "Parity run of " + scope.name(),
                reporter -> {
                  try (var plano = new PlanoRouteSelector(listener)) {
                    plano.connect();
                    RouteSelector other =
                        new EngineThreadSelector(loaded.selector(), router::runOnEngineThread);
                    return new ParityRunner()
                        .run(
                            plano,
                            other,
                            policies,
                            scope,
                            (side, done, total) -> reporter.progress(done, total),
                            token);
                  }
                })
            .onProgress(fraction -> progress.set(Math.max(0, fraction)))
            .onSuccess(this::finished)
            .onFailure(
                failure -> ended("The parity run could not be made: " + failure.getMessage())));
  }

  /** Stops the run: the answers in flight finish, the turns answered by both are compared. */
  public void cancel() {
    if (state.get() == State.RUNNING) {
      state.set(State.CANCELLING);
      message.set("Cancelling…");
      cancellation.cancel();
    }
  }

  private void finished(ParityReport done) {
    state.set(State.IDLE);
    progress.set(1);
    report.set(done);
    differences.setAll(done.differences());
    message.set(ParityWords.rate(done));
  }

  private void ended(String why) {
    state.set(State.IDLE);
    message.set(why);
  }

  private String currentProblem() {
    if (state.get() != State.IDLE) {
      return "A parity run is in progress.";
    }
    if (suite.get() == null) {
      return "Choose a suite.";
    }
    String address = planoAddress.get() == null ? "" : planoAddress.get().strip();
    if (!address.toLowerCase(Locale.ROOT).matches("https?://[^/?#\\s]+.*")) {
      return "Type plano's listener address, e.g. http://localhost:12000.";
    }
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    if (loaded == null) {
      return "Load a router model or connect a model server (router bar) to compare with plano.";
    }
    if (loaded.source() instanceof RouterSource.Plano) {
      return "The router in use is plano itself: load a router model or connect a model server"
          + " to compare with it.";
    }
    return "";
  }
}
