package io.routebench.app.doctor;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.runs.EngineThreadSelector;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.doctor.Candidate;
import io.routebench.core.doctor.CollisionProbes;
import io.routebench.core.doctor.Confusion;
import io.routebench.core.doctor.DescriptionDoctor;
import io.routebench.core.doctor.DoctorRefusedException;
import io.routebench.core.doctor.VerifiedCandidate;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.RunStatus;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The description doctor in the window: a run's confusions, the cost of verifying the candidate
 * edits (shown before anything is asked, capped by a budget), verification off the UI thread with
 * progress, time left and cancel (what was verified until then is kept), the verified candidates
 * best first, and Apply as one undoable edit of the policies.
 *
 * <p>Confined to the UI thread; the router is asked on its engine thread, a few turns per task, as
 * a suite run asks it.
 */
public final class DoctorViewModel {

  /** What the page is doing. */
  public enum State {
    /** No run to treat, or the run cannot be treated ({@link #messageProperty()} says why). */
    NO_RUN,
    /** Ready to verify. */
    READY,
    VERIFYING,
    /** Cancel asked; waiting for the decision in progress. */
    CANCELLING
  }

  /**
   * Applies an edit to the policies as one undo step.
   *
   * @see io.routebench.app.workspace.DocumentEditor#apply
   */
  @FunctionalInterface
  public interface PolicyEdits extends BiConsumer<String, UnaryOperator<PolicyDocument>> {}

  private final LocalRouter router;
  private final TaskExecutor workers;
  private final ReadOnlyObjectProperty<PolicyDocument> document;
  private final PolicyEdits edits;
  private final DoctorLlm llm;
  private final LongSupplier nanoTime;

  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.NO_RUN);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper llmPrompt = new ReadOnlyStringWrapper(this, "llmPrompt", "");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper progressText =
      new ReadOnlyStringWrapper(this, "progressText", "");
  // Object properties, so the page's spinners bind to them directly: a binding through asObject()
  // is held weakly and can be collected.
  private final ObjectProperty<Integer> sampleTurns =
      new SimpleObjectProperty<>(this, "sampleTurns", 0);
  private final ObjectProperty<Integer> budget = new SimpleObjectProperty<>(this, "budget", 0);
  private final BooleanProperty showUnhelpful = new SimpleBooleanProperty(this, "showUnhelpful");
  private final ObservableList<VerifiedCandidate> shown = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<VerifiedCandidate> applied =
      new ReadOnlyObjectWrapper<>(this, "applied");

  private RegressionRun run;
  private TestSuite suite;

  /** Whether the run is the collision check's: each policy's description as a one-turn case. */
  private boolean collisions;

  private DescriptionDoctor doctor;
  private List<VerifiedCandidate> verified = List.of();
  private CancellationToken cancellation = new CancellationToken();

  /**
   * @param edits applies an edit as one undo step ({@code DocumentEditor::apply})
   * @param proposers the LLM proposer for a target the user picks
   */
  public DoctorViewModel(
      LocalRouter router,
      TaskExecutor workers,
      ReadOnlyObjectProperty<PolicyDocument> document,
      PolicyEdits edits,
      DoctorLlm.Proposers proposers,
      LongSupplier nanoTime) {
    this.router = router;
    this.workers = workers;
    this.document = document;
    this.edits = edits;
    this.llm = new DoctorLlm(proposers);
    this.nanoTime = nanoTime;
    sampleTurns.addListener((obs, old, now) -> showEstimate());
    budget.addListener((obs, old, now) -> showEstimate());
    for (var choice : llm.dependencies()) {
      choice.addListener(changed -> showEstimate());
    }
    showUnhelpful.addListener((obs, old, now) -> showCandidates());
    document.addListener((obs, old, now) -> documentChanged());
  }

  /**
   * Takes {@code run} of {@code suite} to treat; says why when it cannot be treated (unfinished,
   * made with other policies than the workspace's now, or another version of the suite).
   */
  public void treat(RegressionRun run, TestSuite suite) {
    cancel();
    this.run = run;
    this.suite = suite;
    this.collisions = false;
    verified = List.of();
    applied.set(null);
    showCandidates();
    progress.set(0);
    progressText.set("");
    prepare();
  }

  /**
   * Treats the collision check: each policy's description is routed (one decision per policy, in
   * the background), and a description that lands elsewhere is a failed turn the doctor proposes
   * verified edits for, as for a suite.
   */
  public void treatCollisions() {
    cancel();
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    run = null;
    suite = null;
    collisions = true;
    verified = List.of();
    applied.set(null);
    showCandidates();
    doctor = null;
    summary.set("");
    estimate.set("");
    if (loaded == null) {
      state.set(State.NO_RUN);
      message.set("Load or connect a router (Playtest tab) to check for collisions.");
      return;
    }
    PolicyDocument policies = document.get();
    TestSuite probes = CollisionProbes.suite(policies);
    var selector = new EngineThreadSelector(loaded.selector(), router::runOnEngineThread);
    var token = new CancellationToken();
    cancellation = token;
    state.set(State.VERIFYING);
    message.set("Routing each policy's description…");
    workers.execute(
        BackgroundTask.of(
                "Collision check",
                reporter ->
                    new RegressionRunner()
                        .run(
                            selector,
                            policies,
                            probes,
                            (index, answer, done, total) -> reporter.progress(done, total),
                            token))
            .onProgress(progress::set)
            .onSuccess(
                checked -> {
                  state.set(State.NO_RUN);
                  if (collisions && checked.status() == RunStatus.COMPLETED) {
                    run = checked;
                    suite = probes;
                    prepare();
                  } else {
                    message.set(
                        "The collision check did not finish"
                            + (checked.failureMessage().isEmpty()
                                ? "."
                                : ": " + checked.failureMessage()));
                  }
                })
            .onFailure(
                failure -> {
                  state.set(State.NO_RUN);
                  message.set("The collision check failed: " + failure.getMessage());
                }));
  }

  /** Whether the collision check is being treated rather than a suite's run. */
  public boolean treatsCollisions() {
    return collisions;
  }

  private void prepare() {
    doctor = null;
    if (run == null || suite == null) {
      state.set(State.NO_RUN);
      summary.set("");
      message.set("Run the suite first: the doctor treats a finished run's failed turns.");
      showEstimate();
      return;
    }
    try {
      doctor =
          collisions
              ? DescriptionDoctor.forCollisions(run, document.get())
              : DescriptionDoctor.forRun(run, document.get(), suite);
    } catch (DoctorRefusedException refused) {
      state.set(State.NO_RUN);
      summary.set("");
      message.set(refused.getMessage());
      showEstimate();
      return;
    }
    List<Confusion> confusions = doctor.confusions();
    int failed = confusions.stream().mapToInt(c -> c.turns().size()).sum();
    summary.set(
        confusions.isEmpty()
            ? collisions
                ? "Every description routes to its own policy: no collision to treat."
                : "Every turn of this run passed: nothing to treat."
            : failed
                + (failed == 1 ? " failed turn in " : " failed turns in ")
                + confusions.size()
                + (confusions.size() == 1 ? " confusion: " : " confusions: ")
                + String.join(", ", confusions.stream().map(Confusion::label).toList()));
    state.set(confusions.isEmpty() ? State.NO_RUN : State.READY);
    message.set("");
    showEstimate();
  }

  /** Verifies the candidates within the budget, off the UI thread. */
  public void start() {
    if (state.get() != State.READY || doctor == null) {
      return;
    }
    LocalRouter.Loaded loaded = router.loadedProperty().get();
    if (loaded == null) {
      message.set("Load or connect the router the run was made with (Playtest tab) first.");
      return;
    }
    var selector = new EngineThreadSelector(loaded.selector(), router::runOnEngineThread);
    DescriptionDoctor treating = doctor;
    ModelTarget asked = llm.chosen().orElse(null);
    var settings = settings();
    var token = new CancellationToken();
    cancellation = token;
    long started = nanoTime.getAsLong();
    var planned = new int[] {plan(treating, List.of(), settings).decisions()};
    state.set(State.VERIFYING);
    message.set("");
    progress.set(0);
    progressText.set("");
    workers.execute(
        BackgroundTask.of(
                "Verifying description edits",
                reporter -> {
                  var candidates = new ArrayList<>(treating.ruleCandidates());
                  var notes = new ArrayList<String>();
                  if (asked != null) {
                    candidates.addAll(
                        DoctorLlm.candidates(llm.proposers(), treating, asked, token, notes));
                  }
                  var plan = treating.plan(candidates, settings);
                  planned[0] = plan.decisions();
                  var report =
                      treating.verify(
                          plan,
                          selector,
                          (done, all) -> reporter.progress(done, Math.max(1, all)),
                          token);
                  return new Outcome(report, notes);
                })
            .onProgress(fraction -> showProgress(fraction, planned[0], started))
            .onSuccess(this::finished)
            .onFailure(
                failure -> {
                  state.set(State.READY);
                  message.set(
                      failure instanceof DoctorRefusedException
                          ? failure.getMessage()
                          : "The doctor stopped: " + failure.getMessage());
                }));
  }

  /** Stops verifying; the candidates verified until then are kept. */
  public void cancel() {
    if (state.get() == State.VERIFYING) {
      state.set(State.CANCELLING);
      cancellation.cancel();
    }
  }

  /** Applies {@code candidate}'s edit to the policies as one undoable step. */
  public void apply(VerifiedCandidate candidate) {
    Candidate edit = candidate.candidate();
    edits.accept("apply the doctor's edit (" + edit.summary() + ")", edit::applyTo);
    applied.set(candidate);
    message.set(
        "Applied: "
            + edit.summary()
            + ". The suite's runs were made with the policies before it: re-run the suite to"
            + " record the effect. Undo (Ctrl+Z) takes it back.");
  }

  private record Outcome(DescriptionDoctor.Report report, List<String> notes) {}

  private void finished(Outcome outcome) {
    DescriptionDoctor.Report report = outcome.report();
    verified = report.ranked();
    showCandidates();
    progress.set(1);
    var text = new StringBuilder(report.summary());
    if (report.unverified() > 0) {
      text.append(" ").append(report.unverified()).append(" not verified (not shown).");
    }
    if (!report.failure().isEmpty()) {
      text.append(" Stopped: ").append(report.failure());
    }
    outcome.notes().forEach(note -> text.append(" ").append(note));
    message.set(text.toString());
    state.set(doctor == null ? State.NO_RUN : State.READY);
  }

  private DescriptionDoctor.Settings settings() {
    return new DescriptionDoctor.Settings(
        Math.max(0, sampleTurns.get()), Math.max(0, budget.get()), 1);
  }

  private static DescriptionDoctor.Plan plan(
      DescriptionDoctor treating, List<Candidate> extra, DescriptionDoctor.Settings settings) {
    var candidates = new ArrayList<>(treating.ruleCandidates());
    candidates.addAll(extra);
    return treating.plan(candidates, settings);
  }

  private void showEstimate() {
    if (doctor == null || state.get() == State.NO_RUN) {
      estimate.set("");
      llmPrompt.set("");
      return;
    }
    var plan = plan(doctor, List.of(), settings());
    int confusions = doctor.confusions().size();
    Optional<ModelTarget> asked = llm.chosen();
    estimate.set(
        String.format(
            Locale.ROOT,
            "%d candidate edit(s)%s × %d turn(s) each = %d router decision(s)%s",
            plan.candidates().size(),
            asked.map(t -> " + up to " + confusions + " from " + t.label()).orElse(""),
            plan.turnsPerCandidate(),
            plan.decisions(),
            plan.overBudget() == 0
                ? ""
                : "; the budget leaves " + plan.overBudget() + " unverified"));
    llmPrompt.set(llm.promptShown(doctor));
  }

  private void showProgress(double fraction, int planned, long started) {
    progress.set(fraction);
    int done = (int) Math.round(fraction * planned);
    double seconds = (nanoTime.getAsLong() - started) / 1e9;
    String left =
        done == 0 || done >= planned
            ? ""
            : String.format(Locale.ROOT, " · about %.0f s left", seconds / done * (planned - done));
    progressText.set(done + " / " + planned + " decisions" + left);
  }

  private void showCandidates() {
    shown.setAll(verified.stream().filter(v -> showUnhelpful.get() || v.improves()).toList());
  }

  private void documentChanged() {
    if (state.get() == State.VERIFYING || state.get() == State.CANCELLING) {
      return;
    }
    // An applied edit (or any other) makes the run's decisions those of other policies.
    if (run != null) {
      prepare();
    }
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The run's failed turns by confusion, in a line. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** What verification will cost, before it starts. */
  public ReadOnlyStringProperty estimateProperty() {
    return estimate.getReadOnlyProperty();
  }

  /** The prompt the LLM proposer is given (for the largest confusion), when it is on. */
  public ReadOnlyStringProperty llmPromptProperty() {
    return llmPrompt.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** User turns to verify each candidate on; 0 for the whole suite. */
  public ObjectProperty<Integer> sampleTurnsProperty() {
    return sampleTurns;
  }

  /** The most decisions verification may make; 0 for no cap. */
  public ObjectProperty<Integer> budgetProperty() {
    return budget;
  }

  /** The optional LLM proposer: whether it is asked, and which target. */
  public DoctorLlm llm() {
    return llm;
  }

  /** Whether candidates that fix no more turns than they break are listed too. */
  public BooleanProperty showUnhelpfulProperty() {
    return showUnhelpful;
  }

  /** The verified candidates, best first: only improvements unless asked otherwise. */
  public ObservableList<VerifiedCandidate> candidates() {
    return shown;
  }

  /** The candidate applied last, or {@code null}. */
  public ReadOnlyObjectProperty<VerifiedCandidate> appliedProperty() {
    return applied.getReadOnlyProperty();
  }

  /** The run being treated, if any. */
  public Optional<RegressionRun> run() {
    return Optional.ofNullable(run);
  }
}
