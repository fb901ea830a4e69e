package io.routebench.app.suites;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Undoable edits of the selected suite's cases: add, delete, replace with an edited version, and
 * map a missing route, each written to the file as made. Confined to the UI thread.
 */
final class SuiteCaseEdits {

  private final TestSuiteRepository repository;
  private final LoadedSuites loaded;
  private final SuiteWrites writes;

  SuiteCaseEdits(TestSuiteRepository repository, LoadedSuites loaded, SuiteWrites writes) {
    this.repository = Objects.requireNonNull(repository);
    this.loaded = Objects.requireNonNull(loaded);
    this.writes = Objects.requireNonNull(writes);
  }

  Optional<TestCase> findCase(String caseId) {
    return Optional.ofNullable(loaded.suite())
        .flatMap(s -> s.cases().stream().filter(c -> c.id().equals(caseId)).findFirst());
  }

  /** Adds a case with one empty user turn expecting {@code route}, and returns it. */
  TestCase addCase(String route) {
    if (loaded.suite() == null) {
      throw new IllegalStateException("no suite selected");
    }
    var testCase =
        new TestCase(
            UUID.randomUUID().toString(),
            "New case",
            List.of(),
            "",
            List.of(CaseMessage.user("", route)));
    addCases("add case", List.of(testCase));
    return testCase;
  }

  /** Appends cases to the selected suite (an import); one undo step removes them all. */
  void addCases(String label, List<TestCase> cases) {
    TestSuite current = loaded.suite();
    if (current == null || cases.isEmpty()) {
      return;
    }
    String suiteId = current.id();
    writes.makeUndoable(
        label,
        () ->
            writes.write(
                label, () -> repository.addCases(suiteId, cases), () -> loaded.load(suiteId)),
        () ->
            writes.write(
                label,
                () -> cases.forEach(c -> repository.deleteCase(suiteId, c.id())),
                () -> loaded.load(suiteId)));
  }

  /** Deletes a case; undo puts it back (at the end of the suite: storage appends). */
  void deleteCase(String caseId) {
    TestSuite current = loaded.suite();
    Optional<TestCase> found = findCase(caseId);
    if (current == null || found.isEmpty()) {
      return;
    }
    String suiteId = current.id();
    TestCase deleted = found.get();
    String label = "delete case “" + deleted.name() + "”";
    writes.makeUndoable(
        label,
        () ->
            writes.write(
                label, () -> repository.deleteCase(suiteId, caseId), () -> loaded.load(suiteId)),
        () ->
            writes.write(
                label,
                () -> repository.addCases(suiteId, List.of(deleted)),
                () -> loaded.load(suiteId)));
  }

  /** Replaces a case with an edited version: shown at once, written to the file, one undo step. */
  void updateCase(String label, TestCase edited) {
    Optional<TestCase> before = findCase(edited.id());
    if (before.isEmpty() || before.get().equals(edited)) {
      return;
    }
    replaceCases(label, List.of(before.get()), List.of(edited));
  }

  /** Maps every turn expecting {@code missingRoute} to {@code replacement}, in one undo step. */
  void mapRoute(String missingRoute, String replacement) {
    TestSuite current = loaded.suite();
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

  private void replaceCases(String label, List<TestCase> before, List<TestCase> after) {
    if (before.isEmpty()) {
      return;
    }
    String suiteId = loaded.suite().id();
    writes.makeUndoable(
        label,
        () -> showAndWrite(label, suiteId, after),
        () -> showAndWrite(label, suiteId, before));
  }

  /** Shows the edited cases before the write: typing in the editor must not wait for the file. */
  private void showAndWrite(String label, String suiteId, List<TestCase> cases) {
    loaded.showEditedCases(suiteId, cases);
    writes.write(label, () -> cases.forEach(c -> repository.updateCase(suiteId, c)), null);
  }
}
