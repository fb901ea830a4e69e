package io.routebench.storage.repository;

import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.storage.sqlite.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Test suites and their cases. Cases keep the order they were added in; {@link #updateCase} keeps a
 * case's place. Calls naming a suite or case that does not exist throw {@link
 * IllegalArgumentException}, except deletions, which have nothing left to do.
 */
public final class SqliteTestSuiteRepository implements TestSuiteRepository {

  private static final String SELECT_SUMMARIES =
      """
      SELECT suites.id, suites.name, suites.description,
             (SELECT COUNT(*) FROM cases WHERE cases.suite_id = suites.id) AS case_count
      FROM suites
      ORDER BY suites.created_at, suites.rowid
      """;
  private static final String SELECT_SUITE =
      "SELECT id, name, description FROM suites WHERE id = ?";
  private static final String SELECT_SUITE_ID_BY_NAME = "SELECT id FROM suites WHERE name = ?";
  private static final String INSERT_SUITE =
      "INSERT INTO suites (id, name, description, created_at) VALUES (?, ?, ?, ?)";
  private static final String UPDATE_SUITE =
      "UPDATE suites SET name = ?, description = ? WHERE id = ?";
  private static final String DELETE_SUITE = "DELETE FROM suites WHERE id = ?";
  private static final String NEXT_POSITION =
      "SELECT COALESCE(MAX(position) + 1, 0) FROM cases WHERE suite_id = ?";
  private static final String SELECT_FIRST_EXISTING_CASE =
      """
      SELECT cases.id, suites.name
      FROM json_each(?) AS incoming
      JOIN cases ON cases.id = incoming.value
      JOIN suites ON suites.id = cases.suite_id
      LIMIT 1
      """;
  private static final String UPDATE_CASE =
      """
      UPDATE cases SET name = ?, notes = ?, messages_json = ?
      WHERE id = ? AND suite_id = ?
      """;
  private static final String DELETE_CASE_TAGS = "DELETE FROM case_tags WHERE case_id = ?";
  private static final String DELETE_CASE = "DELETE FROM cases WHERE id = ? AND suite_id = ?";

  private final TransactionRunner transactions;
  private final Clock clock;

  /**
   * @param clock stamps new suites, whose creation order is the listing order
   */
  public SqliteTestSuiteRepository(TransactionRunner transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public List<SuiteSummary> listSuites() {
    return transactions.inReadTransaction(
        "list the test suites",
        connection ->
            Sql.list(
                connection,
                SELECT_SUMMARIES,
                row ->
                    new SuiteSummary(
                        row.getString("id"),
                        row.getString("name"),
                        row.getString("description"),
                        row.getInt("case_count"))));
  }

  @Override
  public Optional<TestSuite> findSuite(String suiteId) {
    return transactions.inReadTransaction(
        "load test suite " + suiteId, connection -> readSuite(connection, suiteId));
  }

  @Override
  public Optional<TestSuite> findSuiteByName(String name) {
    return transactions.inReadTransaction(
        "load test suite '" + name + "'",
        connection -> {
          Optional<String> id = suiteIdByName(connection, name);
          return id.isEmpty() ? Optional.empty() : readSuite(connection, id.get());
        });
  }

  /**
   * @throws IllegalArgumentException when the name is blank or another suite has it
   */
  @Override
  public TestSuite createSuite(String name, String description) {
    requireName(name);
    var suite = new TestSuite(UUID.randomUUID().toString(), name, description, List.of());
    return transactions.inTransaction(
        "create test suite '" + name + "'",
        connection -> {
          requireNameFree(connection, name, null);
          Sql.update(
              connection,
              INSERT_SUITE,
              suite.id(),
              suite.name(),
              suite.description(),
              StoredValues.timestamp(clock.instant()));
          return suite;
        });
  }

  /**
   * @throws IllegalArgumentException when the suite does not exist, or the name is blank or taken
   */
  @Override
  public void renameSuite(String suiteId, String newName, String newDescription) {
    requireName(newName);
    transactions.inTransaction(
        "rename test suite '" + newName + "'",
        connection -> {
          requireNameFree(connection, newName, suiteId);
          String description = newDescription == null ? "" : newDescription;
          if (Sql.update(connection, UPDATE_SUITE, newName, description, suiteId) == 0) {
            throw noSuchSuite(suiteId);
          }
          return null;
        });
  }

  /** Deletes the suite with its cases and runs; nothing happens if it does not exist. */
  @Override
  public void deleteSuite(String suiteId) {
    transactions.inTransaction(
        "delete test suite " + suiteId,
        connection -> Sql.update(connection, DELETE_SUITE, suiteId));
  }

  /**
   * Appends {@code cases} after the suite's last case, all or nothing.
   *
   * @throws IllegalArgumentException when the suite does not exist or a case id is used twice (in
   *     {@code cases} or by a stored case); nothing is stored then
   */
  @Override
  public void addCases(String suiteId, List<TestCase> cases) {
    List<String> ids = requireDistinctIds(cases);
    transactions.inTransaction(
        "add " + cases.size() + " test cases",
        connection -> {
          requireSuite(connection, suiteId);
          requireIdsUnused(connection, ids);
          CaseRows.insert(connection, suiteId, nextPosition(connection, suiteId), cases);
          return null;
        });
  }

  /**
   * @throws IllegalArgumentException when the name is blank or a case id is used twice (in {@code
   *     cases} or by a stored case); nothing is stored then, not even the suite
   */
  @Override
  public TestSuite addCasesToSuiteNamed(
      String name, String descriptionIfNew, List<TestCase> cases) {
    requireName(name);
    List<String> ids = requireDistinctIds(cases);
    return transactions.inTransaction(
        "import " + cases.size() + " test cases into '" + name + "'",
        connection -> {
          String suiteId = suiteIdCreatingIfMissing(connection, name, descriptionIfNew);
          requireIdsUnused(connection, ids);
          CaseRows.insert(connection, suiteId, nextPosition(connection, suiteId), cases);
          return readSuite(connection, suiteId).orElseThrow();
        });
  }

  /**
   * Stores each case as {@code cases} hands it over, in batches, inside one transaction: memory
   * does not grow with the number of cases, and the suite is not read back.
   *
   * @throws IllegalArgumentException when the name is blank; a case id already stored fails the
   *     whole import ({@link io.routebench.storage.StorageException}); nothing is stored then
   */
  @Override
  public int addCasesToSuiteNamed(String name, String descriptionIfNew, CaseStream cases) {
    requireName(name);
    return transactions.inTransaction(
        "import test cases into '" + name + "'",
        connection -> {
          String suiteId = suiteIdCreatingIfMissing(connection, name, descriptionIfNew);
          return CaseRows.insert(connection, suiteId, nextPosition(connection, suiteId), cases);
        });
  }

  private String suiteIdCreatingIfMissing(
      Connection connection, String name, String descriptionIfNew) throws SQLException {
    Optional<String> existing = suiteIdByName(connection, name);
    if (existing.isPresent()) {
      return existing.get();
    }
    String suiteId = UUID.randomUUID().toString();
    Sql.update(
        connection,
        INSERT_SUITE,
        suiteId,
        name,
        descriptionIfNew == null ? "" : descriptionIfNew,
        StoredValues.timestamp(clock.instant()));
    return suiteId;
  }

  /**
   * @throws IllegalArgumentException when the suite has no case with the case's id
   */
  @Override
  public void updateCase(String suiteId, TestCase testCase) {
    Objects.requireNonNull(testCase, "testCase");
    transactions.inTransaction(
        "update test case '" + testCase.name() + "'",
        connection -> {
          int updated =
              Sql.update(
                  connection,
                  UPDATE_CASE,
                  testCase.name(),
                  testCase.notes(),
                  JsonColumns.messages(testCase.messages()),
                  testCase.id(),
                  suiteId);
          if (updated == 0) {
            throw new IllegalArgumentException(
                "test suite " + suiteId + " has no case with id '" + testCase.id() + "'");
          }
          Sql.update(connection, DELETE_CASE_TAGS, testCase.id());
          CaseRows.insertTags(connection, testCase);
          return null;
        });
  }

  /** Deletes the case (the cases after it keep their order); nothing happens if it is absent. */
  @Override
  public void deleteCase(String suiteId, String caseId) {
    transactions.inTransaction(
        "delete test case " + caseId,
        connection -> Sql.update(connection, DELETE_CASE, caseId, suiteId));
  }

  private static Optional<TestSuite> readSuite(Connection connection, String suiteId)
      throws SQLException {
    record Header(String name, String description) {}
    Optional<Header> header =
        Sql.first(
            connection,
            SELECT_SUITE,
            row -> new Header(row.getString("name"), row.getString("description")),
            suiteId);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TestSuite(
            suiteId,
            header.get().name(),
            header.get().description(),
            CaseRows.read(connection, suiteId)));
  }

  private static Optional<String> suiteIdByName(Connection connection, String name)
      throws SQLException {
    return Sql.first(connection, SELECT_SUITE_ID_BY_NAME, row -> row.getString(1), name);
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a test suite needs a name");
    }
  }

  /**
   * @param exceptSuiteId the suite being renamed, which may keep its own name
   */
  private static void requireNameFree(Connection connection, String name, String exceptSuiteId)
      throws SQLException {
    Optional<String> holder = suiteIdByName(connection, name);
    if (holder.isPresent() && !holder.get().equals(exceptSuiteId)) {
      throw new IllegalArgumentException("a test suite named '" + name + "' already exists");
    }
  }

  static void requireSuite(Connection connection, String suiteId) throws SQLException {
    if (Sql.first(connection, SELECT_SUITE, row -> true, suiteId).isEmpty()) {
      throw noSuchSuite(suiteId);
    }
  }

  static IllegalArgumentException noSuchSuite(String suiteId) {
    return new IllegalArgumentException("there is no test suite with id '" + suiteId + "'");
  }

  private static List<String> requireDistinctIds(List<TestCase> cases) {
    var indexById = new HashMap<String, Integer>();
    var ids = new ArrayList<String>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String id = cases.get(i).id();
      Integer earlier = indexById.putIfAbsent(id, i);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "cases["
                + i
                + "] has the id '"
                + id
                + "' of cases["
                + earlier
                + "]; ids must be unique");
      }
      ids.add(id);
    }
    return ids;
  }

  /** One indexed lookup for all ids at once: cheap enough to run before every import. */
  private static void requireIdsUnused(Connection connection, List<String> ids)
      throws SQLException {
    Optional<String> used =
        Sql.first(
            connection,
            SELECT_FIRST_EXISTING_CASE,
            row ->
                "case id '"
                    + row.getString(1)
                    + "' is already used by a case of test suite '"
                    + row.getString(2)
                    + "'; ids must be unique",
            JsonColumns.array(ids));
    if (used.isPresent()) {
      throw new IllegalArgumentException(used.get());
    }
  }

  private static int nextPosition(Connection connection, String suiteId) throws SQLException {
    return Sql.first(connection, NEXT_POSITION, row -> row.getInt(1), suiteId).orElseThrow();
  }
}
