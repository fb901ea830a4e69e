package io.routebench.app.suites;

import io.routebench.app.forms.ExpiringMessage;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.BackgroundWork;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The suites as last read from the workspace file: their list, the selected suite with its cases,
 * and that suite's newest run. Reads run on the file thread; what they read is shown on the UI
 * thread, to which this class is confined.
 */
final class LoadedSuites {

  private final TestSuiteRepository repository;
  private final RegressionRunRepository runs;
  private final TaskExecutor io;
  private final ExpiringMessage message;
  private final Runnable casesChanged;
  private final ObservableList<SuiteSummary> suites = FXCollections.observableArrayList();
  // One read-only view, kept: listeners on a fresh wrapper would be collected with it.
  private final ObservableList<SuiteSummary> suitesView =
      FXCollections.unmodifiableObservableList(suites);
  private final ReadOnlyObjectWrapper<TestSuite> suite = new ReadOnlyObjectWrapper<>(this, "suite");
  private final ReadOnlyObjectWrapper<RegressionRun> latestRun =
      new ReadOnlyObjectWrapper<>(this, "latestRun");

  /**
   * @param io the workspace file's thread
   * @param message where a failed read is reported
   * @param casesChanged runs once the selected suite, its cases or its latest run are shown anew,
   *     after the properties have changed (so the case table is redrawn once, not once for each)
   */
  LoadedSuites(
      TestSuiteRepository repository,
      RegressionRunRepository runs,
      TaskExecutor io,
      ExpiringMessage message,
      Runnable casesChanged) {
    this.repository = Objects.requireNonNull(repository);
    this.runs = Objects.requireNonNull(runs);
    this.io = Objects.requireNonNull(io);
    this.message = Objects.requireNonNull(message);
    this.casesChanged = Objects.requireNonNull(casesChanged);
  }

  ObservableList<SuiteSummary> suites() {
    return suitesView;
  }

  ReadOnlyObjectProperty<TestSuite> suiteProperty() {
    return suite.getReadOnlyProperty();
  }

  /** The selected suite, or {@code null}. */
  TestSuite suite() {
    return suite.get();
  }

  ReadOnlyObjectProperty<RegressionRun> latestRunProperty() {
    return latestRun.getReadOnlyProperty();
  }

  RegressionRun latestRun() {
    return latestRun.get();
  }

  /** Rereads the suites, keeping the selected one when it still exists. */
  void reload() {
    load(suite.get() == null ? null : suite.get().id());
  }

  /** Shows {@code suiteId}'s cases (read from the file) unless it is shown already. */
  void select(String suiteId) {
    if (suite.get() != null && suite.get().id().equals(suiteId)) {
      return;
    }
    load(suiteId);
  }

  private record Snapshot(List<SuiteSummary> suites, TestSuite suite, RegressionRun latestRun) {}

  /**
   * @param suiteId the suite to show; the first one when {@code null} or gone
   */
  void load(String suiteId) {
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
                  casesChanged.run();
                })
            .onFailure(
                failure ->
                    message.showUntilCleared(
                        "Could not read the suites: " + failure.getMessage())));
  }

  /** Case counts may have changed: reread the list (cheap) without touching the cases shown. */
  void refreshSummaries() {
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

  /**
   * Shows edited versions of some of {@code suiteId}'s cases at once, before they are written, when
   * that suite is the one shown.
   */
  void showEditedCases(String suiteId, List<TestCase> edited) {
    TestSuite current = suite.get();
    if (current == null || !current.id().equals(suiteId)) {
      return;
    }
    var byId = new LinkedHashMap<String, TestCase>();
    edited.forEach(c -> byId.put(c.id(), c));
    suite.set(
        new TestSuite(
            current.id(),
            current.name(),
            current.description(),
            current.cases().stream().map(c -> byId.getOrDefault(c.id(), c)).toList()));
    casesChanged.run();
  }

  /** Shows a run made elsewhere (a run finished) when it is of the selected suite. */
  void showLatestRun(RegressionRun run) {
    TestSuite current = suite.get();
    if (current != null && run != null && run.suiteId().equals(current.id())) {
      latestRun.set(run);
      casesChanged.run();
    }
  }

  /** {@code wanted}, or {@code wanted} numbered from 2 when a suite has that name. */
  String freeName(String wanted) {
    var taken = new HashSet<String>();
    suites.forEach(s -> taken.add(s.name()));
    String name = wanted;
    for (int n = 2; taken.contains(name); n++) {
      name = wanted + " " + n;
    }
    return name;
  }
}
