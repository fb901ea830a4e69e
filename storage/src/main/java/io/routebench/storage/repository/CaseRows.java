package io.routebench.storage.repository;

import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuiteRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test cases as rows of {@code cases} and {@code case_tags}, inside the caller's transaction. */
final class CaseRows {

  private static final String INSERT_CASE =
      """
      INSERT INTO cases (id, suite_id, position, name, notes, messages_json)
      VALUES (?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_TAG =
      "INSERT INTO case_tags (case_id, position, tag) VALUES (?, ?, ?)";
  private static final String SELECT_CASES =
      """
      SELECT id, name, notes, messages_json
      FROM cases
      WHERE suite_id = ?
      ORDER BY position
      """;
  private static final String SELECT_TAGS =
      """
      SELECT case_tags.case_id, case_tags.tag
      FROM case_tags JOIN cases ON cases.id = case_tags.case_id
      WHERE cases.suite_id = ?
      ORDER BY case_tags.case_id, case_tags.position
      """;

  private CaseRows() {}

  /**
   * Inserts cases at consecutive positions with one prepared statement per table and batches, the
   * way a twenty-thousand-case import stays around a second.
   */
  static void insert(Connection connection, String suiteId, int firstPosition, List<TestCase> cases)
      throws SQLException {
    insert(connection, suiteId, firstPosition, cases::forEach);
  }

  /** Rows sent to SQLite at a time: enough to amortise the calls, few enough to bound memory. */
  private static final int BATCH = 1_000;

  /**
   * As above for cases handed over one at a time; memory holds one batch, whatever the count.
   *
   * @return how many cases were inserted
   */
  static int insert(
      Connection connection,
      String suiteId,
      int firstPosition,
      TestSuiteRepository.CaseStream cases)
      throws SQLException {
    try (Sql.Batch caseInsert = Sql.batch(connection, INSERT_CASE);
        Sql.Batch tagInsert = Sql.batch(connection, INSERT_TAG)) {
      int[] count = {0};
      try {
        cases.forEach(
            testCase -> {
              try {
                caseInsert.add(
                    testCase.id(),
                    suiteId,
                    firstPosition + count[0],
                    testCase.name(),
                    testCase.notes(),
                    JsonColumns.messages(testCase.messages()));
                addTags(tagInsert, testCase);
                if (++count[0] % BATCH == 0) {
                  // Cases first: their tags refer to them.
                  caseInsert.execute();
                  tagInsert.execute();
                }
              } catch (SQLException e) {
                throw new BatchFailure(e);
              }
            });
      } catch (BatchFailure failure) {
        throw failure.getCause();
      }
      caseInsert.execute();
      tagInsert.execute();
      return count[0];
    }
  }

  /** Carries a database failure out of the stream's consumer. */
  private static final class BatchFailure extends RuntimeException {
    BatchFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  static void insertTags(Connection connection, TestCase testCase) throws SQLException {
    try (Sql.Batch tagInsert = Sql.batch(connection, INSERT_TAG)) {
      addTags(tagInsert, testCase);
      tagInsert.execute();
    }
  }

  private static void addTags(Sql.Batch tagInsert, TestCase testCase) throws SQLException {
    List<String> tags = testCase.tags();
    for (int position = 0; position < tags.size(); position++) {
      tagInsert.add(testCase.id(), position, tags.get(position));
    }
  }

  /** A suite's cases in order, with their tags and messages. */
  static List<TestCase> read(Connection connection, String suiteId) throws SQLException {
    Map<String, List<String>> tags = readTags(connection, suiteId);
    return Sql.list(
        connection,
        SELECT_CASES,
        row -> {
          String id = row.getString("id");
          String name = row.getString("name");
          return new TestCase(
              id,
              name,
              tags.getOrDefault(id, List.of()),
              row.getString("notes"),
              JsonColumns.messages(row.getString("messages_json"), "test case '" + name + "'"));
        },
        suiteId);
  }

  private static Map<String, List<String>> readTags(Connection connection, String suiteId)
      throws SQLException {
    var tags = new HashMap<String, List<String>>();
    Sql.Row<Map.Entry<String, String>> caseAndTag =
        row -> Map.entry(row.getString(1), row.getString(2));
    for (var tag : Sql.list(connection, SELECT_TAGS, caseAndTag, suiteId)) {
      tags.computeIfAbsent(tag.getKey(), key -> new ArrayList<>()).add(tag.getValue());
    }
    return tags;
  }
}
