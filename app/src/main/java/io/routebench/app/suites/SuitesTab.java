package io.routebench.app.suites;

import io.routebench.app.doctor.DoctorPage;
import io.routebench.app.doctor.DoctorViewModel;
import io.routebench.app.doctor.LlmProposers;
import io.routebench.app.icons.Icons;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.runs.HistoryPage;
import io.routebench.app.runs.HistoryViewModel;
import io.routebench.app.runs.RunPage;
import io.routebench.app.runs.RunReportExport;
import io.routebench.app.runs.RunResultsViewModel;
import io.routebench.app.runs.RunStaleness;
import io.routebench.app.runs.RunViewModel;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.inference.remote.StreamingChatClient;
import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Suites tab of one workspace, wired: its view models over the workspace file, reloading when
 * the playtest saves a case. Built and disposed with the workspace pane.
 */
public final class SuitesTab {

  private final WorkspaceSession session;
  private final SuitesViewModel suites;
  private final SuitesView view;
  private final Tab tab;
  private final ChangeListener<Number> caseAdded;
  private final RunViewModel runs;
  private final RunPage runPage;
  private final Tab runTab;
  private final HistoryViewModel history;
  private final DoctorViewModel doctor;
  private final Tab doctorTab;
  private final Tab historyTab;
  private final RunReportExport reports;

  /**
   * What running suites needs beyond the workspace.
   *
   * @param router the loaded router model, shared with the playtest
   * @param workers runs the runs' own threads
   * @param chatClient asks the doctor's LLM proposer, when the user turns it on
   */
  public record Running(LocalRouter router, TaskExecutor workers, StreamingChatClient chatClient) {}

  public SuitesTab(WorkspaceSession session, Running running) {
    this.session = session;
    var editor = session.editor();
    suites =
        new SuitesViewModel(
            session.file().suites(),
            session.file().runs(),
            session.fileTasks(),
            editor.documentProperty(),
            run -> RunStaleness.isStale(run, editor.document()),
            session.timer());
    var caseEditor = new CaseEditorViewModel(suites);
    view = new SuitesView(suites, caseEditor);
    runs =
        new RunViewModel(
            running.router(),
            session.file().runs(),
            running.workers(),
            editor.documentProperty(),
            System::nanoTime,
            outcome -> runFinished(outcome.run()));
    runPage =
        new RunPage(
            runs,
            new RunResultsViewModel(),
            new RunPage.Suites(
                suites::suite,
                suites.latestRunProperty(),
                view::visibleCaseIds,
                view::selectedCaseIds),
            editor.documentProperty(),
            turn ->
                view.openCase(
                    turn.caseId(), turn.messageIndex(), RunResultsViewModel.details(turn)));
    runTab = new Tab("Run", runPage.root());
    runTab.setId("runPage");
    view.addPage(runTab);
    doctor =
        new DoctorViewModel(
            running.router(),
            running.workers(),
            editor.documentProperty(),
            editor::apply,
            target -> LlmProposers.of(running.chatClient(), target),
            System::nanoTime);
    var doctorPage =
        new DoctorPage(
            doctor,
            editor.documentProperty(),
            turn ->
                view.openCase(
                    turn.caseId(), turn.messageIndex(), RunResultsViewModel.details(turn)),
            () -> {
              if (doctor.treatsCollisions()) {
                doctor.treatCollisions();
              } else {
                view.showPage(runTab);
                suites.suite().ifPresent(runs::start);
              }
            });
    doctorTab = new Tab("Doctor", doctorPage.root());
    doctorTab.setId("doctorPage");
    view.addPage(doctorTab);
    runPage.offerDoctor(
        run -> {
          doctor.treat(run, suites.suite().orElse(null));
          view.showPage(doctorTab);
        });
    history = new HistoryViewModel(session.file().runs(), session.fileTasks());
    var historyPage =
        new HistoryPage(
            history,
            run -> {
              runPage.showRun(run);
              view.showPage(runTab);
            });
    var reports =
        new RunReportExport(
            suites::suite,
            history,
            session.fileTasks(),
            () -> view.root().getScene() == null ? null : view.root().getScene().getWindow(),
            new RunReportExport.Outcome(suites::notice, suites::failure));
    runPage.offerReport(reports::chooseComparisonAndSave);
    historyPage.offerReport(reports::saveShownComparison);
    this.reports = reports;
    historyTab = new Tab("History", historyPage.root());
    historyTab.setId("historyPage");
    view.addPage(historyTab);
    suites
        .suiteProperty()
        .addListener(
            (obs, old, now) -> {
              String before = old == null ? null : old.id();
              String after = now == null ? null : now.id();
              if (!java.util.Objects.equals(before, after)) {
                history.load(after);
              }
            });
    tab = Icons.on(new Tab("Suites", view.root()), Feather.CHECK_SQUARE);
    tab.setId("suitesTab");
    caseAdded = (obs, old, now) -> suites.reload();
    session.casesAddedProperty().addListener(caseAdded);
    suites.reload();
  }

  public Tab tab() {
    return tab;
  }

  public SuitesViewModel suites() {
    return suites;
  }

  public SuitesView view() {
    return view;
  }

  /** Undoes the last suite edit when the tab is showing; whether it did. */
  public boolean undo() {
    return tab.isSelected() && suites.undo();
  }

  public boolean redo() {
    return tab.isSelected() && suites.redo();
  }

  /** Reads a JSONL file and imports its cases after the user has seen any bad lines. */
  public void importJsonl(Path file) {
    tab.getTabPane().getSelectionModel().select(tab);
    suites.readJsonl(file, read -> view.confirmImport(file, read));
  }

  public void exportJsonl(Path file) {
    suites.exportJsonl(file);
  }

  /** The suite shown, for naming an export. */
  public String suggestedExportName() {
    return suites.suite().map(s -> s.name() + ".jsonl").orElse("suite.jsonl");
  }

  private void runFinished(io.routebench.core.run.RegressionRun run) {
    suites.showLatestRun(run);
    history.reload();
  }

  public HistoryViewModel history() {
    return history;
  }

  /**
   * Offers "Open in Playtest" in the case editor: the case is replayed into {@code playtest}, then
   * {@code show} brings the playtest to the front.
   */
  public void offerPlaytest(io.routebench.app.playtest.PlaytestViewModel playtest, Runnable show) {
    view.offerPlaytest(
        testCase -> {
          int skipped = playtest.open(testCase);
          show.run();
          if (skipped > 0) {
            suites.reportPlaytestSkips(testCase.name(), skipped);
          }
        });
  }

  /** Saves runs as HTML reports. */
  public RunReportExport reports() {
    return reports;
  }

  public RunViewModel runs() {
    return runs;
  }

  public RunPage runPage() {
    return runPage;
  }

  public DoctorViewModel doctor() {
    return doctor;
  }

  /** Shows the Doctor page treating the collision check. */
  public void treatCollisions() {
    tab.getTabPane().getSelectionModel().select(tab);
    view.showPage(doctorTab);
    doctor.treatCollisions();
  }

  public void dispose() {
    doctor.cancel();
    runs.dispose();
    session.casesAddedProperty().removeListener(caseAdded);
  }
}
