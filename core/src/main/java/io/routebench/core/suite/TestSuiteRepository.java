package io.routebench.core.suite;

import java.util.List;
import java.util.Optional;

/** Persists test suites and their cases; every call is durable when it returns. */
public interface TestSuiteRepository {

  /** Suites without their cases, in creation order. */
  List<SuiteSummary> listSuites();

  Optional<TestSuite> findSuite(String suiteId);

  Optional<TestSuite> findSuiteByName(String name);

  TestSuite createSuite(String name, String description);

  void renameSuite(String suiteId, String newName, String newDescription);

  void deleteSuite(String suiteId);

  /** Appends cases in one transaction (bulk import); all or nothing. */
  void addCases(String suiteId, List<TestCase> cases);

  /**
   * Appends cases to the suite with this name, creating it (with {@code descriptionIfNew}) when
   * there is none, in one transaction: a failure leaves neither a new suite nor any case behind.
   *
   * @return the suite as stored afterwards, with all its cases
   */
  TestSuite addCasesToSuiteNamed(String name, String descriptionIfNew, List<TestCase> cases);

  /**
   * As {@link #addCasesToSuiteNamed}, for cases produced one at a time (read from a file while they
   * are stored), so that a large import does not hold them all in memory; all or nothing: a failure
   * of {@code cases} (it may throw) stores nothing, not even the suite.
   *
   * @return how many cases were stored
   */
  default int addCasesToSuiteNamed(String name, String descriptionIfNew, CaseStream cases) {
    var all = new java.util.ArrayList<TestCase>();
    cases.forEach(all::add);
    addCasesToSuiteNamed(name, descriptionIfNew, all);
    return all.size();
  }

  /** Cases handed over one at a time, e.g. as they are read from a file. */
  @FunctionalInterface
  interface CaseStream {
    void forEach(java.util.function.Consumer<TestCase> consumer);
  }

  /** Replaces a case's content, keeping its position. */
  void updateCase(String suiteId, TestCase testCase);

  void deleteCase(String suiteId, String caseId);

  /** A suite's identity and size, for lists. */
  record SuiteSummary(String id, String name, String description, int caseCount) {}
}
