package io.routebench.app.runs;

import io.routebench.app.forms.Forms;
import io.routebench.app.forms.TableHeaders;
import io.routebench.app.icons.Icons;
import io.routebench.core.run.OrderSensitivity;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Run page of the Suites tab: start a run of the suite, of the cases shown or of the cases
 * selected; watch it (progress, rate, time left, results as they arrive); cancel and resume it; and
 * read the shown run's results, marked stale when the policies changed since.
 */
public final class RunPage {

  /** What the page needs of the suites tab. */
  public record Suites(
      Supplier<Optional<TestSuite>> suite,
      ReadOnlyObjectProperty<RegressionRun> latestRun,
      Supplier<List<String>> visibleCaseIds,
      Supplier<List<String>> selectedCaseIds) {}

  private final RunViewModel runs;
  private final RunResultsViewModel results;
  private final Suites suites;
  private final ReadOnlyObjectProperty<PolicyDocument> document;
  private final BorderPane root = new BorderPane();
  private final HBox staleBar = new HBox(8);
  private final Label shownRunLabel = new Label();
  private final Button resume = new Button("Resume");
  private final TitledPane orderPane = new TitledPane();
  private final TableView<OrderRow> orderTable = new TableView<>();
  private final Label orderSummary = new Label();

  /** Rows that wrap in a narrow window instead of cutting the buttons to "…". */
  private final FlowPane controls = new FlowPane(6, 4);

  private final Button saveReport = Icons.on(new Button("Save report…"), Feather.SHARE);
  private final javafx.beans.property.BooleanProperty noRunShown =
      new javafx.beans.property.SimpleBooleanProperty(true);

  /** The cases each run of this session was made of, so a resume asks the same ones. */
  private final Map<String, List<String>> scopes = new HashMap<>();

  private RegressionRun shown;

  /** Whether the run shown has no failed turn (or there is none): nothing for the doctor. */
  private final javafx.beans.property.BooleanProperty noFailures =
      new javafx.beans.property.SimpleBooleanProperty(true);

  /** One route's order sensitivity. */
  record OrderRow(String route, int turns, int dependent, double share) {}

  public RunPage(
      RunViewModel runs,
      RunResultsViewModel results,
      Suites suites,
      ReadOnlyObjectProperty<PolicyDocument> document,
      Consumer<TurnResult> openTurn) {
    this.runs = runs;
    this.results = results;
    this.suites = suites;
    this.document = document;

    var runSuite =
        Icons.on(Forms.button("Run suite", "runSuiteButton", () -> start(null)), Feather.PLAY);
    var runShown =
        Forms.button(
            "Run shown cases", "runShownCasesButton", () -> start(suites.visibleCaseIds().get()));
    var runSelected =
        Forms.button(
            "Run selected cases",
            "runSelectedCasesButton",
            () -> start(suites.selectedCaseIds().get()));
    var cancel = Icons.on(Forms.button("Cancel", "cancelRunButton", runs::cancel), Feather.SQUARE);
    resume.setId("resumeRunButton");
    resume.setOnAction(e -> resume());
    var idle = runs.stateProperty().isEqualTo(RunViewModel.State.IDLE);
    for (Button start : List.of(runSuite, runShown, runSelected)) {
      start.disableProperty().bind(idle.not());
    }
    cancel.disableProperty().bind(runs.stateProperty().isNotEqualTo(RunViewModel.State.RUNNING));
    var shuffles = new Spinner<Integer>(0, 50, 0);
    shuffles.setId("shufflesSpinner");
    shuffles.setEditable(true);
    shuffles.setPrefWidth(70);
    shuffles.valueProperty().addListener((o, a, b) -> runs.shufflesProperty().set(b));
    var seed = new TextField(String.valueOf(runs.seedProperty().get()));
    seed.setId("shuffleSeedField");
    seed.setPrefColumnCount(6);
    seed.textProperty()
        .addListener(
            (o, a, b) -> {
              try {
                runs.seedProperty().set(Long.parseLong(b.strip()));
              } catch (NumberFormatException notYet) {
                // Keep the last valid seed while the user types.
              }
            });
    var shuffling = new HBox(6, new Label("Then repeat with shuffled route order"), shuffles);
    var seeded = new HBox(6, new Label("times, seed"), seed);
    for (HBox group : List.of(shuffling, seeded)) {
      group.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }
    // Rows that wrap in a narrow window instead of cutting the buttons to "…".
    saveReport.setId("saveRunReportButton");
    saveReport.setVisible(false);
    saveReport.setManaged(false);
    saveReport
        .disableProperty()
        .bind(idle.not().or(results.metricsProperty().isNull()).or(noRunShown));
    controls
        .getChildren()
        .addAll(runSuite, runShown, runSelected, cancel, resume, shuffling, seeded, saveReport);
    controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    var bar = new ProgressBar();
    bar.setId("runProgressBar");
    bar.progressProperty().bind(runs.progressProperty());
    bar.setPrefWidth(260);
    var progressText = new Label();
    progressText.setId("runProgressLabel");
    progressText.textProperty().bind(runs.progressTextProperty());
    var message = new Label();
    message.setId("runMessageLabel");
    message.textProperty().bind(runs.messageProperty());
    message.setWrapText(true);
    message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox.setHgrow(message, Priority.ALWAYS);
    shownRunLabel.setId("shownRunLabel");
    shownRunLabel.getStyleClass().add("help");
    shownRunLabel.setWrapText(true);
    shownRunLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    var progress = new HBox(8, bar, progressText, message);

    var staleText =
        new Label(
            "These results were made with other policies (routes, descriptions, order or profile"
                + " changed since) or under another serving engine's wrapping: they may not be"
                + " what the router answers now.");
    staleText.setWrapText(true);
    staleText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    staleText.getStyleClass().add("stale-run");
    HBox.setHgrow(staleText, Priority.ALWAYS);
    var rerun =
        Icons.on(
            Forms.button("Re-run", "rerunButton", () -> start(scopeOf(shown))), Feather.REFRESH_CW);
    rerun.disableProperty().bind(idle.not());
    rerun.setMinWidth(Region.USE_PREF_SIZE);
    staleBar.getChildren().addAll(staleText, rerun);
    staleBar.getStyleClass().add("stale-bar");
    staleBar.setId("staleBar");
    staleBar.setPadding(new Insets(4));

    orderTable.setId("orderSensitivityTable");

    TableHeaders.keepReadable(orderTable);
    orderTable
        .getColumns()
        .setAll(
            ResultsView.column("Route", OrderRow::route, 160),
            ResultsView.column("Turns routed there", OrderRow::turns, 130),
            ResultsView.column("Order dependent", OrderRow::dependent, 120),
            ResultsView.ratio("Sensitivity", OrderRow::share));
    orderTable.setPrefHeight(160);
    orderSummary.setId("orderSummaryLabel");
    orderSummary.setWrapText(true);
    orderPane.setText("Route-order robustness");
    orderPane.setContent(new VBox(4, orderSummary, orderTable));
    orderPane.setExpanded(true);

    var top = new VBox(6, controls, progress, shownRunLabel, staleBar, orderPane);
    top.setPadding(new Insets(8, 8, 0, 8));
    var resultsView = new ResultsView(results, openTurn);
    VBox.setMargin(resultsView.root(), new Insets(0, 8, 8, 8));
    VBox.setVgrow(resultsView.root(), Priority.ALWAYS);
    // In a short window the page scrolls: the tables and the heat map keep a readable height.
    var page = new ScrollPane(new VBox(6, top, resultsView.root()));
    page.setFitToWidth(true);
    page.setFitToHeight(true);
    page.getStyleClass().add("edge-to-edge");
    root.setCenter(page);

    runs.liveResults()
        .addListener(
            (ListChangeListener<TurnResult>)
                change -> {
                  if (runs.stateProperty().get() != RunViewModel.State.IDLE) {
                    results.show(runs.liveResults());
                  }
                });
    runs.outcomeProperty().addListener((obs, old, now) -> showOutcome(now));
    suites.latestRun().addListener((obs, old, now) -> showRun(now));
    document.addListener((obs, old, now) -> showStaleness());
    runs.stateProperty().addListener((obs, old, now) -> showResumable());
    showOrderSensitivity(null);
    showRun(suites.latestRun().get());
  }

  public Node root() {
    return root;
  }

  /**
   * Offers "Doctor…" for the run shown when it has failed turns: {@code treat} gets the run, to
   * propose and verify description edits for them.
   */
  public void offerDoctor(Consumer<RegressionRun> treat) {
    var doctor =
        Icons.on(
            Forms.button("Doctor…", "doctorButton", () -> treat.accept(shown)), Feather.ACTIVITY);
    doctor.setTooltip(
        new javafx.scene.control.Tooltip(
            "Propose description edits for this run's failed turns, each verified with the"
                + " router before you see it"));
    doctor
        .disableProperty()
        .bind(runs.stateProperty().isNotEqualTo(RunViewModel.State.IDLE).or(noFailures));
    controls.getChildren().add(controls.getChildren().indexOf(resume) + 1, doctor);
  }

  /**
   * Offers "Save report…", which hands the run shown and the metrics shown for it to {@code save}
   * (an HTML report of what the page shows).
   */
  public void offerReport(java.util.function.BiConsumer<RegressionRun, RunMetrics> save) {
    saveReport.setOnAction(e -> save.accept(shown, results.metricsProperty().get()));
    saveReport.setVisible(true);
    saveReport.setManaged(true);
  }

  /** The metrics shown for the run shown, or {@code null}. */
  public RunMetrics shownMetrics() {
    return results.metricsProperty().get();
  }

  /** The run whose results are shown, or {@code null}. */
  public RegressionRun shownRun() {
    return shown;
  }

  /** Shows a stored run's results (e.g. picked in the history). */
  public void showRun(RegressionRun run) {
    if (runs.stateProperty().get() != RunViewModel.State.IDLE) {
      return;
    }
    shown = run;
    noFailures.set(run == null || run.results().stream().allMatch(TurnResult::passed));
    noRunShown.set(run == null);
    results.show(run == null ? List.of() : run.results());
    shownRunLabel.setText(
        run == null
            ? "No run yet: load a router model in the Playtest tab, then run the suite."
            : "Run of "
                + run.startedAt().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z")
                + " · "
                + run.status().name().toLowerCase(java.util.Locale.ROOT)
                + " · "
                + run.results().size()
                + " turns · "
                + run.engine().model()
                + " ("
                + run.engine().profile().id()
                + ")");
    showStaleness();
    showResumable();
  }

  private void showOutcome(RunViewModel.Outcome outcome) {
    if (outcome == null) {
      return;
    }
    showRun(outcome.run());
    showOrderSensitivity(outcome.orderSensitivity());
  }

  private void showOrderSensitivity(OrderSensitivity sensitivity) {
    boolean present = sensitivity != null;
    orderPane.setVisible(present);
    orderPane.setManaged(present);
    if (!present) {
      orderTable.getItems().clear();
      return;
    }
    orderSummary.setText(
        sensitivity.orderDependent().size()
            + " of "
            + sensitivity.turns()
            + " turns ("
            + ResultsView.percent(sensitivity.dependentShare())
            + ") changed route when the routes were listed in another order ("
            + sensitivity.passes()
            + " orders)."
            + (sensitivity.orderDependent().isEmpty()
                ? ""
                : " For example: "
                    + sensitivity.orderDependent().get(0).caseName()
                    + ", turn "
                    + (sensitivity.orderDependent().get(0).turnIndex() + 1)
                    + ": "
                    + String.join(" / ", sensitivity.orderDependent().get(0).routes())));
    orderTable
        .getItems()
        .setAll(
            sensitivity.perRoute().entrySet().stream()
                .map(
                    e ->
                        new OrderRow(
                            e.getKey(),
                            e.getValue().turns(),
                            e.getValue().orderDependent(),
                            e.getValue().share()))
                .toList());
  }

  private void showStaleness() {
    boolean stale = shown != null && RunStaleness.isStale(shown, document.get());
    staleBar.setVisible(stale);
    staleBar.setManaged(stale);
  }

  private void showResumable() {
    resume.setDisable(
        shown == null
            || !shown.status().isResumable()
            || runs.stateProperty().get() != RunViewModel.State.IDLE);
  }

  /**
   * @param caseIds the cases to run, or {@code null} for the whole suite
   */
  private void start(List<String> caseIds) {
    suites
        .suite()
        .get()
        .ifPresent(
            suite -> {
              TestSuite scope = scope(suite, caseIds);
              if (scope.cases().isEmpty()) {
                return;
              }
              showOrderSensitivity(null);
              runs.start(scope);
              rememberScopeOnceStored(caseIds);
            });
  }

  private void rememberScopeOnceStored(List<String> caseIds) {
    if (caseIds == null) {
      return;
    }
    runs.outcomeProperty()
        .addListener(
            new javafx.beans.value.ChangeListener<>() {
              @Override
              public void changed(
                  javafx.beans.value.ObservableValue<? extends RunViewModel.Outcome> obs,
                  RunViewModel.Outcome old,
                  RunViewModel.Outcome now) {
                obs.removeListener(this);
                if (now != null) {
                  scopes.put(now.run().id(), List.copyOf(caseIds));
                }
              }
            });
  }

  private void resume() {
    RegressionRun previous = shown;
    if (previous == null) {
      return;
    }
    suites
        .suite()
        .get()
        .filter(s -> s.id().equals(previous.suiteId()))
        .ifPresent(suite -> runs.resume(previous, scope(suite, scopes.get(previous.id()))));
  }

  /** The cases a run was made of when this session started it; {@code null}: the whole suite. */
  private List<String> scopeOf(RegressionRun run) {
    return run == null ? null : scopes.get(run.id());
  }

  private static TestSuite scope(TestSuite suite, List<String> caseIds) {
    if (caseIds == null) {
      return suite;
    }
    var wanted = new HashSet<>(caseIds);
    return new TestSuite(
        suite.id(),
        suite.name(),
        suite.description(),
        suite.cases().stream().filter(c -> wanted.contains(c.id())).toList());
  }
}
