package io.routebench.app.suites;

import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Undoable edits of the suite list: new, rename, duplicate and delete, each written to the file as
 * made. Confined to the UI thread.
 */
final class SuiteListEdits {

  private final TestSuiteRepository repository;
  private final RegressionRunRepository runs;
  private final LoadedSuites loaded;
  private final SuiteWrites writes;

  SuiteListEdits(
      TestSuiteRepository repository,
      RegressionRunRepository runs,
      LoadedSuites loaded,
      SuiteWrites writes) {
    this.repository = Objects.requireNonNull(repository);
    this.runs = Objects.requireNonNull(runs);
    this.loaded = Objects.requireNonNull(loaded);
    this.writes = Objects.requireNonNull(writes);
  }

  /** Creates an empty suite and selects it. */
  void newSuite(String name) {
    String label = "new suite “" + name + "”";
    var created = new String[1];
    writes.makeUndoable(
        label,
        () ->
            writes.write(
                label,
                () -> created[0] = repository.createSuite(name, "").id(),
                () -> loaded.load(created[0])),
        () -> writes.write(label, () -> repository.deleteSuite(created[0]), null));
  }

  void renameSuite(String newName) {
    TestSuite current = loaded.suite();
    if (current == null || current.name().equals(newName)) {
      return;
    }
    String label = "rename suite";
    String id = current.id();
    String oldName = current.name();
    String description = current.description();
    writes.makeUndoable(
        label,
        () -> writes.write(label, () -> repository.renameSuite(id, newName, description), null),
        () -> writes.write(label, () -> repository.renameSuite(id, oldName, description), null));
  }

  /** Copies the selected suite and its cases (not its runs) under a free name, and selects it. */
  void duplicateSuite() {
    TestSuite current = loaded.suite();
    if (current == null) {
      return;
    }
    createSuite(
        "duplicate suite",
        loaded.freeName(current.name() + " copy"),
        current.description(),
        () -> freshIds(current.cases()));
  }

  /**
   * Creates a suite holding {@code cases} (an import with no suite selected) and selects it.
   *
   * @param wantedName the suite's name, numbered when a suite has it already
   */
  void newSuiteWith(String label, String wantedName, String description, List<TestCase> cases) {
    createSuite(label, loaded.freeName(wantedName), description, () -> cases);
  }

  /**
   * Deletes the selected suite with its cases and runs. Undo brings all of them back (under a new
   * suite id: the runs are re-filed under it).
   */
  void deleteSuite() {
    TestSuite current = loaded.suite();
    if (current == null) {
      return;
    }
    String label = "delete suite “" + current.name() + "”";
    var id = new String[] {current.id()};
    var kept = new ArrayList<RegressionRun>();
    Runnable delete =
        () ->
            writes.write(
                label,
                () -> {
                  kept.clear();
                  for (var summary : runs.listRuns(id[0])) {
                    runs.findRun(summary.id()).ifPresent(kept::add);
                  }
                  repository.deleteSuite(id[0]);
                },
                () -> loaded.load(null));
    Runnable restore =
        () ->
            writes.write(
                label,
                () -> {
                  TestSuite back = repository.createSuite(current.name(), current.description());
                  repository.addCases(back.id(), current.cases());
                  for (RegressionRun run : kept.reversed()) {
                    runs.save(RunCopies.underSuite(run, back.id()));
                  }
                  id[0] = back.id();
                },
                () -> loaded.load(id[0]));
    writes.makeUndoable(label, delete, restore);
  }

  /**
   * @param cases asked for at each redo too (a duplicate's cases get fresh ids each time)
   */
  private void createSuite(
      String label, String name, String description, Supplier<List<TestCase>> cases) {
    var created = new String[1];
    writes.makeUndoable(
        label,
        () ->
            writes.write(
                label,
                () -> {
                  created[0] = repository.createSuite(name, description).id();
                  repository.addCases(created[0], cases.get());
                },
                () -> loaded.load(created[0])),
        () ->
            writes.write(label, () -> repository.deleteSuite(created[0]), () -> loaded.load(null)));
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
