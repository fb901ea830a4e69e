package io.routebench.storage.repository;

import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuiteRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    try (PreparedStatement caseInsert = connection.prepareStatement(INSERT_CASE);
        PreparedStatement tagInsert = connection.prepareStatement(INSERT_TAG)) {
      int[] count = {0};
      try {
        cases.forEach(
            testCase -> {
              try {
                caseInsert.setString(1, testCase.id());
                caseInsert.setString(2, suiteId);
                caseInsert.setInt(3, firstPosition + count[0]);
                caseInsert.setString(4, testCase.name());
                caseInsert.setString(5, testCase.notes());
                caseInsert.setString(6, JsonColumns.messages(testCase.messages()));
                caseInsert.addBatch();
                addTags(tagInsert, testCase);
                if (++count[0] % BATCH == 0) {
                  // Cases first: their tags refer to them.
                  caseInsert.executeBatch();
                  tagInsert.executeBatch();
                }
              } catch (SQLException e) {
                throw new BatchFailure(e);
              }
            });
      } catch (BatchFailure failure) {
        throw failure.getCause();
      }
      caseInsert.executeBatch();
      tagInsert.executeBatch();
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
    try (PreparedStatement tagInsert = connection.prepareStatement(INSERT_TAG)) {
      addTags(tagInsert, testCase);
      tagInsert.executeBatch();
    }
  }

  private static void addTags(PreparedStatement tagInsert, TestCase testCase) throws SQLException {
    List<String> tags = testCase.tags();
    for (int position = 0; position < tags.size(); position++) {
      tagInsert.setString(1, testCase.id());
      tagInsert.setInt(2, position);
      tagInsert.setString(3, tags.get(position));
      tagInsert.addBatch();
    }
  }

  /** A suite's cases in order, with their tags and messages. */
  static List<TestCase> read(Connection connection, String suiteId) throws SQLException {
    Map<String, List<String>> tags = readTags(connection, suiteId);
    var cases = new ArrayList<TestCase>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_CASES)) {
      select.setString(1, suiteId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString("id");
          String name = rows.getString("name");
          cases.add(
              new TestCase(
                  id,
                  name,
                  tags.getOrDefault(id, List.of()),
                  rows.getString("notes"),
                  JsonColumns.messages(
                      rows.getString("messages_json"), "test case '" + name + "'")));
        }
      }
    }
    return cases;
  }

  private static Map<String, List<String>> readTags(Connection connection, String suiteId)
      throws SQLException {
    var tags = new HashMap<String, List<String>>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_TAGS)) {
      select.setString(1, suiteId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tags.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return tags;
  }
}
