package io.routebench.app.testing;

import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Suites kept in memory, with the same rules as the SQLite repository (names are unique). */
public final class InMemoryTestSuiteRepository implements TestSuiteRepository {

  private final Map<String, TestSuite> suites = new LinkedHashMap<>();

  @Override
  public synchronized List<SuiteSummary> listSuites() {
    return suites.values().stream()
        .map(s -> new SuiteSummary(s.id(), s.name(), s.description(), s.cases().size()))
        .toList();
  }

  @Override
  public synchronized Optional<TestSuite> findSuite(String suiteId) {
    return Optional.ofNullable(suites.get(suiteId));
  }

  @Override
  public synchronized Optional<TestSuite> findSuiteByName(String name) {
    return suites.values().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  @Override
  public synchronized TestSuite createSuite(String name, String description) {
    if (findSuiteByName(name).isPresent()) {
      throw new IllegalArgumentException("a suite named " + name + " exists");
    }
    var suite = new TestSuite(UUID.randomUUID().toString(), name, description, List.of());
    suites.put(suite.id(), suite);
    return suite;
  }

  @Override
  public synchronized void renameSuite(String suiteId, String newName, String newDescription) {
    TestSuite suite = require(suiteId);
    suites.put(suiteId, new TestSuite(suiteId, newName, newDescription, suite.cases()));
  }

  @Override
  public synchronized void deleteSuite(String suiteId) {
    suites.remove(suiteId);
  }

  @Override
  public synchronized void addCases(String suiteId, List<TestCase> cases) {
    TestSuite suite = require(suiteId);
    var all = new ArrayList<>(suite.cases());
    all.addAll(cases);
    suites.put(suiteId, new TestSuite(suiteId, suite.name(), suite.description(), all));
  }

  @Override
  public synchronized TestSuite addCasesToSuiteNamed(
      String name, String descriptionIfNew, List<TestCase> cases) {
    TestSuite suite =
        findSuiteByName(name)
            .orElseGet(
                () ->
                    new TestSuite(UUID.randomUUID().toString(), name, descriptionIfNew, List.of()));
    var all = new ArrayList<>(suite.cases());
    all.addAll(cases);
    var stored = new TestSuite(suite.id(), name, suite.description(), all);
    suites.put(stored.id(), stored);
    return stored;
  }

  @Override
  public synchronized void updateCase(String suiteId, TestCase testCase) {
    TestSuite suite = require(suiteId);
    var all = new ArrayList<>(suite.cases());
    all.replaceAll(c -> c.id().equals(testCase.id()) ? testCase : c);
    suites.put(suiteId, new TestSuite(suiteId, suite.name(), suite.description(), all));
  }

  @Override
  public synchronized void deleteCase(String suiteId, String caseId) {
    TestSuite suite = require(suiteId);
    var all = new ArrayList<>(suite.cases());
    all.removeIf(c -> c.id().equals(caseId));
    suites.put(suiteId, new TestSuite(suiteId, suite.name(), suite.description(), all));
  }

  private TestSuite require(String suiteId) {
    TestSuite suite = suites.get(suiteId);
    if (suite == null) {
      throw new IllegalArgumentException("no suite " + suiteId);
    }
    return suite;
  }
}
