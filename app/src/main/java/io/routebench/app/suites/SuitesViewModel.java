package io.routebench.app.suites;

import io.routebench.app.files.AtomicFiles;
import io.routebench.app.forms.ExpiringMessage;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.BackgroundWork;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.UiTimer;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.core.suite.jsonl.SuiteJsonlReader;
import io.routebench.core.suite.jsonl.SuiteJsonlResult;
import io.routebench.core.suite.jsonl.SuiteJsonlWriter;
import io.routebench.core.workspace.PolicyDocument;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The workspace's test suites: the list of suites, the cases of the selected one with search and
 * tag filter, and every edit of them, persisted as made (on the workspace's file thread) and
 * undoable. Each case row carries its result in the suite's latest run.
 *
 * <p>Confined to the UI thread; file work runs on {@code io}, whose callbacks come back to it.
 */
public final class SuitesViewModel {

  /** The tag filter's "no filter" entry. */
  public static final String ALL_TAGS = "All tags";

  private final TestSuiteRepository repository;
  private final RegressionRunRepository runs;
  private final TaskExecutor io;
  private final ReadOnlyObjectProperty<PolicyDocument> document;
  private final Predicate<RegressionRun> staleness;
  private final EditHistory history = new EditHistory();
  private final ObservableList<SuiteSummary> suites = FXCollections.observableArrayList();
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<SuiteSummary> suitesView =
      FXCollections.unmodifiableObservableList(suites);
  private final ReadOnlyObjectWrapper<TestSuite> suite = new ReadOnlyObjectWrapper<>(this, "suite");
  private final ReadOnlyObjectWrapper<RegressionRun> latestRun =
      new ReadOnlyObjectWrapper<>(this, "latestRun");
  private final ObservableList<CaseRow> rows = FXCollections.observableArrayList();
  private final FilteredList<CaseRow> visibleRows = new FilteredList<>(rows, row -> true);
  private final ObservableList<String> tags = FXCollections.observableArrayList(ALL_TAGS);
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<String> tagsView = FXCollections.unmodifiableObservableList(tags);
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ObjectProperty<String> tagFilter =
      new SimpleObjectProperty<>(this, "tagFilter", ALL_TAGS);

  /** What the last file operation did (goes after a while), or why it failed (stays). */
  private final ExpiringMessage message;

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
    this.repository = Objects.requireNonNull(repository);
    this.runs = Objects.requireNonNull(runs);
    this.io = Objects.requireNonNull(io);
    this.document = Objects.requireNonNull(document);
    this.staleness = Objects.requireNonNull(staleness);
    search.addListener((obs, old, now) -> refilter());
    tagFilter.addListener((obs, old, now) -> refilter());
    document.addListener((obs, old, now) -> showRows());
  }

  public ObservableList<SuiteSummary> suites() {
    return suitesView;
  }

  /** The selected suite with its cases, or {@code null} when the workspace has none. */
  public ReadOnlyObjectProperty<TestSuite> suiteProperty() {
    return suite.getReadOnlyProperty();
  }

  public Optional<TestSuite> suite() {
    return Optional.ofNullable(suite.get());
  }

  /** The selected suite's newest run with its results, or {@code null}. */
  public ReadOnlyObjectProperty<RegressionRun> latestRunProperty() {
    return latestRun.getReadOnlyProperty();
  }

  /** The cases that pass the search and the tag filter, in suite order. */
  public ObservableList<CaseRow> visibleRows() {
    return visibleRows;
  }

  /** {@link #ALL_TAGS}, then every tag of the suite's cases, alphabetically. */
  public ObservableList<String> tags() {
    return tagsView;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObjectProperty<String> tagFilterProperty() {
    return tagFilter;
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
    return suite().flatMap(s -> s.cases().stream().filter(c -> c.id().equals(caseId)).findFirst());
  }

  /** Rereads the suites, keeping the selected one when it still exists. */
  public void reload() {
    String selected = suite.get() == null ? null : suite.get().id();
    load(selected);
  }

  /** Shows {@code suiteId}'s cases (read from the file). */
  public void select(String suiteId) {
    if (suite.get() != null && suite.get().id().equals(suiteId)) {
      return;
    }
    load(suiteId);
  }

  /** Creates an empty suite and selects it. */
  public void newSuite(String name) {
    String label = "new suite “" + name + "”";
    var created = new String[1];
    Runnable create =
        () ->
            write(
                label,
                () -> created[0] = repository.createSuite(name, "").id(),
                () -> load(created[0]));
    create.run();
    history.done(
        new EditHistory.Step(
            label, () -> write(label, () -> repository.deleteSuite(created[0]), null), create));
  }

  public void renameSuite(String newName) {
    TestSuite current = suite.get();
    if (current == null || current.name().equals(newName)) {
      return;
    }
    String label = "rename suite";
    String id = current.id();
    String oldName = current.name();
    String description = current.description();
    Runnable rename =
        () -> write(label, () -> repository.renameSuite(id, newName, description), null);
    rename.run();
    history.done(
        new EditHistory.Step(
            label,
            () -> write(label, () -> repository.renameSuite(id, oldName, description), null),
            rename));
  }

  /** Copies the selected suite and its cases (not its runs) under a free name, and selects it. */
  public void duplicateSuite() {
    TestSuite current = suite.get();
    if (current == null) {
      return;
    }
    String name = freeName(current.name() + " copy");
    String label = "duplicate suite";
    var copy = new String[1];
    Runnable duplicate =
        () ->
            write(
                label,
                () -> {
                  TestSuite created = repository.createSuite(name, current.description());
                  repository.addCases(created.id(), freshIds(current.cases()));
                  copy[0] = created.id();
                },
                () -> load(copy[0]));
    duplicate.run();
    history.done(
        new EditHistory.Step(
            label,
            () -> write(label, () -> repository.deleteSuite(copy[0]), () -> load(null)),
            duplicate));
  }

  /**
   * Deletes the selected suite with its cases and runs. Undo brings all of them back (under a new
   * suite id: the runs are re-filed under it).
   */
  public void deleteSuite() {
    TestSuite current = suite.get();
    if (current == null) {
      return;
    }
    String label = "delete suite “" + current.name() + "”";
    var id = new String[] {current.id()};
    var kept = new ArrayList<RegressionRun>();
    Runnable delete =
        () ->
            write(
                label,
                () -> {
                  kept.clear();
                  for (var summary : runs.listRuns(id[0])) {
                    runs.findRun(summary.id()).ifPresent(kept::add);
                  }
                  repository.deleteSuite(id[0]);
                },
                () -> load(null));
    Runnable restore =
        () ->
            write(
                label,
                () -> {
                  TestSuite back = repository.createSuite(current.name(), current.description());
                  repository.addCases(back.id(), current.cases());
                  for (RegressionRun run : kept.reversed()) {
                    runs.save(RunCopies.underSuite(run, back.id()));
                  }
                  id[0] = back.id();
                },
                () -> load(id[0]));
    delete.run();
    history.done(new EditHistory.Step(label, restore, delete));
  }

  /** Adds a case with one user turn expecting the first route, and returns it. */
  public TestCase addCase() {
    TestSuite current = suite.get();
    if (current == null) {
      throw new IllegalStateException("no suite selected");
    }
    var testCase =
        new TestCase(
            UUID.randomUUID().toString(),
            "New case",
            List.of(),
            "",
            List.of(CaseMessage.user("", routeChoices().get(0))));
    addCases("add case", List.of(testCase));
    return testCase;
  }

  /** Appends cases to the selected suite (an import); one undo step removes them all. */
  public void addCases(String label, List<TestCase> cases) {
    TestSuite current = suite.get();
    if (current == null || cases.isEmpty()) {
      return;
    }
    String suiteId = current.id();
    Runnable add =
        () -> write(label, () -> repository.addCases(suiteId, cases), () -> load(suiteId));
    add.run();
    history.done(
        new EditHistory.Step(
            label,
            () ->
                write(
                    label,
                    () -> cases.forEach(c -> repository.deleteCase(suiteId, c.id())),
                    () -> load(suiteId)),
            add));
  }

  /** Deletes a case; undo puts it back (at the end of the suite: storage appends). */
  public void deleteCase(String caseId) {
    TestSuite current = suite.get();
    Optional<TestCase> found = findCase(caseId);
    if (current == null || found.isEmpty()) {
      return;
    }
    String suiteId = current.id();
    TestCase deleted = found.get();
    String label = "delete case “" + deleted.name() + "”";
    Runnable delete =
        () -> write(label, () -> repository.deleteCase(suiteId, caseId), () -> load(suiteId));
    delete.run();
    history.done(
        new EditHistory.Step(
            label,
            () ->
                write(
                    label,
                    () -> repository.addCases(suiteId, List.of(deleted)),
                    () -> load(suiteId)),
            delete));
  }

  /**
   * Replaces a case with an edited version: shown at once, written to the file, one undo step.
   *
   * @param label what the edit does, e.g. "change expected route"
   */
  public void updateCase(String label, TestCase edited) {
    Optional<TestCase> before = findCase(edited.id());
    if (before.isEmpty() || before.get().equals(edited)) {
      return;
    }
    replaceCases(label, List.of(before.get()), List.of(edited));
  }

  /**
   * Maps every turn expecting {@code missingRoute} to {@code replacement}, in one undo step: the
   * fix for cases left behind by a renamed or deleted policy.
   */
  public void mapRoute(String missingRoute, String replacement) {
    TestSuite current = suite.get();
    if (current == null || missingRoute.equals(replacement)) {
      return;
    }
    var before = new ArrayList<TestCase>();
    var after = new ArrayList<TestCase>();
    for (TestCase testCase : current.cases()) {
      TestCase mapped = CaseEdits.mapRoute(testCase, missingRoute, replacement);
      if (!mapped.equals(testCase)) {
        before.add(testCase);
        after.add(mapped);
      }
    }
    replaceCases("map “" + missingRoute + "” to “" + replacement + "”", before, after);
  }

  /** Expected routes of the selected suite that the workspace has no policy for. */
  public Set<String> missingRoutes() {
    var missing = new TreeSet<String>();
    rows.forEach(row -> missing.addAll(row.missingRoutes()));
    return missing;
  }

  /**
   * Reads a JSONL suite file with the CLI's reader, off the UI thread; {@code read} gets the good
   * cases and every bad line, to import all, some or none of them.
   */
  public void readJsonl(Path file, Consumer<SuiteJsonlResult> read) {
    io.execute(
        BackgroundTask.of("Reading " + file.getFileName(), progress -> SuiteJsonlReader.read(file))
            .onSuccess(read)
            .onFailure(
                failure ->
                    message.showUntilCleared(
                        "Could not read " + file + ": " + failure.getMessage())));
  }

  /**
   * Imports cases read from {@code file} into the selected suite, or into a new suite named after
   * the file when none is selected; one undo step.
   */
  public void importCases(Path file, List<TestCase> cases) {
    String label = "import " + cases.size() + " cases";
    if (suite.get() != null) {
      addCases(label, cases);
      message.show("Imported " + cases.size() + " cases from " + file.getFileName());
      return;
    }
    String name = freeName(file.getFileName().toString().replaceFirst("\\.jsonl$", ""));
    var created = new String[1];
    Runnable create =
        () ->
            write(
                label,
                () -> {
                  created[0] = repository.createSuite(name, "Imported from " + file).id();
                  repository.addCases(created[0], cases);
                },
                () -> load(created[0]));
    create.run();
    history.done(
        new EditHistory.Step(
            label,
            () -> write(label, () -> repository.deleteSuite(created[0]), () -> load(null)),
            create));
    message.show("Imported " + cases.size() + " cases from " + file.getFileName());
  }

  /** Writes the selected suite's cases as JSONL (the CLI's format), off the UI thread. */
  public void exportJsonl(Path file) {
    TestSuite current = suite.get();
    if (current == null) {
      return;
    }
    List<TestCase> cases = current.cases();
    io.execute(
        BackgroundTask.ofAction(
                "Exporting " + current.name(),
                () -> {
                  var text = new StringWriter();
                  SuiteJsonlWriter.write(cases, text);
                  AtomicFiles.writeString(file, text.toString());
                })
            .onSuccess(done -> message.show("Exported " + cases.size() + " cases to " + file))
            .onFailure(
                failure ->
                    message.showUntilCleared(
                        "Could not export to " + file + ": " + failure.getMessage())));
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

  private void replaceCases(String label, List<TestCase> before, List<TestCase> after) {
    if (before.isEmpty()) {
      return;
    }
    String suiteId = suite.get().id();
    Runnable apply = () -> showAndWrite(label, suiteId, after);
    apply.run();
    history.done(new EditHistory.Step(label, () -> showAndWrite(label, suiteId, before), apply));
  }

  private void showAndWrite(String label, String suiteId, List<TestCase> cases) {
    TestSuite current = suite.get();
    if (current != null && current.id().equals(suiteId)) {
      var byId = new LinkedHashMap<String, TestCase>();
      cases.forEach(c -> byId.put(c.id(), c));
      suite.set(
          new TestSuite(
              current.id(),
              current.name(),
              current.description(),
              current.cases().stream().map(c -> byId.getOrDefault(c.id(), c)).toList()));
      showRows();
    }
    write(label, () -> cases.forEach(c -> repository.updateCase(suiteId, c)), null);
  }

  /**
   * Runs a write on the file thread; {@code then} runs on the UI thread after it. A failure is
   * shown and the view reloaded, so it shows what the file holds.
   */
  private void write(String label, BackgroundTask.Action work, Runnable then) {
    io.execute(
        BackgroundTask.ofAction(label, work)
            .onSuccess(
                done -> {
                  if (!message.expires()) {
                    // A failure shown until now is over; a notice of what was done stays.
                    message.clear();
                  }
                  if (then != null) {
                    then.run();
                  } else {
                    refreshSummaries();
                  }
                })
            .onFailure(
                failure -> {
                  message.showUntilCleared("Could not " + label + ": " + failure.getMessage());
                  reload();
                }));
  }

  private record Snapshot(List<SuiteSummary> suites, TestSuite suite, RegressionRun latestRun) {}

  /**
   * @param suiteId the suite to show; the first one when {@code null} or gone
   */
  private void load(String suiteId) {
    BackgroundWork<Snapshot> read =
        progress -> {
          List<SuiteSummary> all = repository.listSuites();
          String shown =
              all.stream().anyMatch(s -> s.id().equals(suiteId))
                  ? suiteId
                  : all.isEmpty() ? null : all.get(0).id();
          TestSuite loaded = shown == null ? null : repository.findSuite(shown).orElse(null);
          RegressionRun latest = null;
          if (shown != null) {
            var history = runs.listRuns(shown);
            if (!history.isEmpty()) {
              latest = runs.findRun(history.get(0).id()).orElse(null);
            }
          }
          return new Snapshot(all, loaded, latest);
        };
    io.execute(
        BackgroundTask.of("Reading test suites", read)
            .onSuccess(
                snapshot -> {
                  suites.setAll(snapshot.suites());
                  suite.set(snapshot.suite());
                  latestRun.set(snapshot.latestRun());
                  showRows();
                })
            .onFailure(
                failure ->
                    message.showUntilCleared(
                        "Could not read the suites: " + failure.getMessage())));
  }

  /** Case counts may have changed: reread the list (cheap) without touching the cases shown. */
  private void refreshSummaries() {
    io.execute(
        BackgroundTask.of("Reading test suites", progress -> repository.listSuites())
            .onSuccess(
                all -> {
                  suites.setAll(all);
                  TestSuite current = suite.get();
                  if (current != null) {
                    all.stream()
                        .filter(s -> s.id().equals(current.id()))
                        .findFirst()
                        .filter(s -> !s.name().equals(current.name()))
                        .ifPresent(
                            s ->
                                suite.set(
                                    new TestSuite(
                                        current.id(), s.name(), s.description(), current.cases())));
                  }
                })
            .onFailure(
                failure ->
                    message.showUntilCleared(
                        "Could not read the suites: " + failure.getMessage())));
  }

  /** Another part of the workbench has changed the latest run (a run finished): show it. */
  public void showLatestRun(RegressionRun run) {
    TestSuite current = suite.get();
    if (current != null && run != null && run.suiteId().equals(current.id())) {
      latestRun.set(run);
      showRows();
    }
  }

  private void showRows() {
    TestSuite current = suite.get();
    if (current == null) {
      rows.clear();
      tags.setAll(ALL_TAGS);
      return;
    }
    Set<String> known = new HashSet<>(routeChoices());
    RegressionRun run = latestRun.get();
    boolean stale = run != null && staleness.test(run);
    Map<String, int[]> results = new LinkedHashMap<>();
    if (run != null) {
      for (TurnResult result : run.results()) {
        int[] counts = results.computeIfAbsent(result.caseId(), id -> new int[2]);
        counts[0]++;
        counts[1] += result.passed() ? 1 : 0;
      }
    }
    var next = new ArrayList<CaseRow>();
    var allTags = new TreeSet<String>();
    for (TestCase testCase : current.cases()) {
      List<String> expected = CaseRow.expectedRoutesOf(testCase);
      var missing = new LinkedHashSet<String>();
      expected.stream().filter(r -> !known.contains(r)).forEach(missing::add);
      int[] counts = results.get(testCase.id());
      String lastResult = counts == null ? "" : counts[1] + "/" + counts[0] + " passed";
      next.add(
          new CaseRow(
              testCase,
              testCase.userTurnIndexes().size(),
              expected,
              lastResult,
              counts != null && counts[1] < counts[0],
              counts != null && stale,
              missing));
      allTags.addAll(testCase.tags());
    }
    rows.setAll(next);
    var tagChoices = new ArrayList<String>();
    tagChoices.add(ALL_TAGS);
    tagChoices.addAll(allTags);
    if (!tags.equals(tagChoices)) {
      String chosen = tagFilter.get();
      tags.setAll(tagChoices);
      tagFilter.set(tagChoices.contains(chosen) ? chosen : ALL_TAGS);
    }
    refilter();
  }

  private void refilter() {
    String text = search.get();
    String tag = tagFilter.get();
    visibleRows.setPredicate(
        row ->
            row.matches(text)
                && (tag == null || tag.equals(ALL_TAGS) || row.testCase().tags().contains(tag)));
  }

  private String freeName(String wanted) {
    var taken = new HashSet<String>();
    suites.forEach(s -> taken.add(s.name()));
    String name = wanted;
    for (int n = 2; taken.contains(name); n++) {
      name = wanted + " " + n;
    }
    return name;
  }

  private static List<TestCase> freshIds(List<TestCase> cases) {
    return cases.stream()
        .map(
            c ->
                new TestCase(
                    UUID.randomUUID().toString(), c.name(), c.tags(), c.notes(), c.messages()))
        .toList();
  }
}
