package io.routebench.app.suites;

import io.routebench.app.forms.ExpiringMessage;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.UiTimer;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.core.suite.jsonl.SuiteJsonlResult;
import io.routebench.core.workspace.PolicyDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The workspace's test suites: the list of suites, the cases of the selected one with search and
 * tag filter, and every edit of them, persisted as made (on the workspace's file thread) and
 * undoable. Each case row carries its result in the suite's latest run.
 *
 * <p>The one face the Suites tab's views talk to; the work is done by {@link LoadedSuites} (what
 * was read), {@link CaseTable} (the rows shown), {@link SuiteListEdits} and {@link SuiteCaseEdits}
 * (the edits, through {@link SuiteWrites}) and {@link SuiteJsonlFiles} (import and export).
 *
 * <p>Confined to the UI thread; file work runs on {@code io}, whose callbacks come back to it.
 */
public final class SuitesViewModel {

  /** The tag filter's "no filter" entry. */
  public static final String ALL_TAGS = "All tags";

  private final ReadOnlyObjectProperty<PolicyDocument> document;
  private final EditHistory history = new EditHistory();

  /** What the last file operation did (goes after a while), or why it failed (stays). */
  private final ExpiringMessage message;

  private final CaseTable table;
  private final LoadedSuites loaded;
  private final SuiteListEdits suiteEdits;
  private final SuiteCaseEdits caseEdits;
  private final SuiteJsonlFiles jsonl;

  /**
   * @param io the workspace file's thread (see {@code WorkspaceSession.fileTasks()})
   * @param document the policies being edited: their routes are what cases may expect
   * @param staleness whether a run was made with policies the router no longer sees
   * @param timer takes a message about a finished import or export away after a while
   */
  public SuitesViewModel(
      TestSuiteRepository repository,
      RegressionRunRepository runs,
      TaskExecutor io,
      ReadOnlyObjectProperty<PolicyDocument> document,
      Predicate<RegressionRun> staleness,
      UiTimer timer) {
    this.message = new ExpiringMessage(timer);
    this.document = Objects.requireNonNull(document);
    this.table = new CaseTable(staleness);
    this.loaded = new LoadedSuites(repository, runs, io, message, this::showRows);
    var writes = new SuiteWrites(io, message, loaded, history);
    this.suiteEdits = new SuiteListEdits(repository, runs, loaded, writes);
    this.caseEdits = new SuiteCaseEdits(repository, loaded, writes);
    this.jsonl = new SuiteJsonlFiles(io, message, loaded, suiteEdits, caseEdits);
    document.addListener((obs, old, now) -> showRows());
  }

  public ObservableList<SuiteSummary> suites() {
    return loaded.suites();
  }

  /** The selected suite with its cases, or {@code null} when the workspace has none. */
  public ReadOnlyObjectProperty<TestSuite> suiteProperty() {
    return loaded.suiteProperty();
  }

  public Optional<TestSuite> suite() {
    return Optional.ofNullable(loaded.suite());
  }

  /** The selected suite's newest run with its results, or {@code null}. */
  public ReadOnlyObjectProperty<RegressionRun> latestRunProperty() {
    return loaded.latestRunProperty();
  }

  /** The cases that pass the search and the tag filter, in suite order. */
  public ObservableList<CaseRow> visibleRows() {
    return table.visibleRows();
  }

  /** {@link #ALL_TAGS}, then every tag of the suite's cases, alphabetically. */
  public ObservableList<String> tags() {
    return table.tags();
  }

  public StringProperty searchProperty() {
    return table.searchProperty();
  }

  public ObjectProperty<String> tagFilterProperty() {
    return table.tagFilterProperty();
  }

  /**
   * What the last file operation did (for {@link ExpiringMessage#SHOWN_FOR}) or why it failed
   * (until an operation succeeds); empty at first.
   */
  public ReadOnlyStringProperty messageProperty() {
    return message.textProperty();
  }

  public EditHistory history() {
    return history;
  }

  /** The routes a case may expect: the workspace's routes in taxonomy order, then {@code other}. */
  public List<String> routeChoices() {
    var routes = new ArrayList<>(document.get().taxonomy().routeNames());
    routes.add(RouteNames.OTHER);
    return routes;
  }

  public Optional<TestCase> findCase(String caseId) {
    return caseEdits.findCase(caseId);
  }

  /** Rereads the suites, keeping the selected one when it still exists. */
  public void reload() {
    loaded.reload();
  }

  /** Shows {@code suiteId}'s cases (read from the file). */
  public void select(String suiteId) {
    loaded.select(suiteId);
  }

  /** Creates an empty suite and selects it. */
  public void newSuite(String name) {
    suiteEdits.newSuite(name);
  }

  public void renameSuite(String newName) {
    suiteEdits.renameSuite(newName);
  }

  /** Copies the selected suite and its cases (not its runs) under a free name, and selects it. */
  public void duplicateSuite() {
    suiteEdits.duplicateSuite();
  }

  /**
   * Deletes the selected suite with its cases and runs. Undo brings all of them back (under a new
   * suite id: the runs are re-filed under it).
   */
  public void deleteSuite() {
    suiteEdits.deleteSuite();
  }

  /** Adds a case with one user turn expecting the first route, and returns it. */
  public TestCase addCase() {
    return caseEdits.addCase(routeChoices().get(0));
  }

  /** Appends cases to the selected suite (an import); one undo step removes them all. */
  public void addCases(String label, List<TestCase> cases) {
    caseEdits.addCases(label, cases);
  }

  /** Deletes a case; undo puts it back (at the end of the suite: storage appends). */
  public void deleteCase(String caseId) {
    caseEdits.deleteCase(caseId);
  }

  /**
   * Replaces a case with an edited version: shown at once, written to the file, one undo step.
   *
   * @param label what the edit does, e.g. "change expected route"
   */
  public void updateCase(String label, TestCase edited) {
    caseEdits.updateCase(label, edited);
  }

  /**
   * Maps every turn expecting {@code missingRoute} to {@code replacement}, in one undo step: the
   * fix for cases left behind by a renamed or deleted policy.
   */
  public void mapRoute(String missingRoute, String replacement) {
    caseEdits.mapRoute(missingRoute, replacement);
  }

  /** Expected routes of the selected suite that the workspace has no policy for. */
  public Set<String> missingRoutes() {
    return table.missingRoutes();
  }

  /**
   * Reads a JSONL suite file with the CLI's reader, off the UI thread; {@code read} gets the good
   * cases and every bad line, to import all, some or none of them.
   */
  public void readJsonl(Path file, Consumer<SuiteJsonlResult> read) {
    jsonl.read(file, read);
  }

  /**
   * Imports cases read from {@code file} into the selected suite, or into a new suite named after
   * the file when none is selected; one undo step.
   */
  public void importCases(Path file, List<TestCase> cases) {
    jsonl.importCases(file, cases);
  }

  /** Writes the selected suite's cases as JSONL (the CLI's format), off the UI thread. */
  public void exportJsonl(Path file) {
    jsonl.export(file);
  }

  /** Says what was done for the suite elsewhere (e.g. a report saved), for a while. */
  public void notice(String text) {
    message.show(text);
  }

  /** Says why something done for the suite elsewhere failed, until the next success. */
  public void failure(String text) {
    message.showUntilCleared(text);
  }

  /** Says that a case played into the playtest left some messages out. */
  void reportPlaytestSkips(String caseName, int skipped) {
    message.show(
        "Opened “"
            + caseName
            + "” in the playtest without "
            + skipped
            + " empty or system/tool messages, which the playtest cannot add.");
  }

  /** Takes back the last suite edit; whether there was one. */
  public boolean undo() {
    return history.undo();
  }

  public boolean redo() {
    return history.redo();
  }

  /** Another part of the workbench has changed the latest run (a run finished): show it. */
  public void showLatestRun(RegressionRun run) {
    loaded.showLatestRun(run);
  }

  private void showRows() {
    table.show(loaded.suite(), loaded.latestRun(), routeChoices());
  }
}
