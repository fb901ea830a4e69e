package io.routebench.storage.repository;

import io.routebench.storage.sqlite.TransactionRunner;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Tag filtering for the suite view, answered from the {@code case_tags} index instead of loading
 * and scanning every case of a large suite.
 */
public final class CaseTagQueries {

  private static final String SELECT_TAG_COUNTS =
      """
      SELECT case_tags.tag, COUNT(DISTINCT case_tags.case_id)
      FROM case_tags JOIN cases ON cases.id = case_tags.case_id
      WHERE cases.suite_id = ?
      GROUP BY case_tags.tag
      ORDER BY case_tags.tag
      """;
  private static final String SELECT_CASES_TAGGED =
      """
      SELECT cases.id
      FROM cases
      WHERE cases.suite_id = ?
        AND cases.id IN (SELECT case_id FROM case_tags WHERE tag = ?)
      ORDER BY cases.position
      """;

  private final TransactionRunner transactions;

  public CaseTagQueries(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  /** A tag and how many cases of the suite carry it. */
  public record TagCount(String tag, int caseCount) {}

  /** Every tag used in the suite, alphabetically, with the number of cases carrying it. */
  public List<TagCount> tagCounts(String suiteId) {
    return transactions.inReadTransaction(
        "count the tags of test suite " + suiteId,
        connection -> {
          var counts = new ArrayList<TagCount>();
          try (PreparedStatement select = connection.prepareStatement(SELECT_TAG_COUNTS)) {
            select.setString(1, suiteId);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                counts.add(new TagCount(rows.getString(1), rows.getInt(2)));
              }
            }
          }
          return counts;
        });
  }

  /** Ids of the suite's cases carrying {@code tag} (exact match), in suite order. */
  public List<String> caseIdsTagged(String suiteId, String tag) {
    return transactions.inReadTransaction(
        "find the cases tagged '" + tag + "'",
        connection -> {
          var ids = new ArrayList<String>();
          try (PreparedStatement select = connection.prepareStatement(SELECT_CASES_TAGGED)) {
            select.setString(1, suiteId);
            select.setString(2, tag);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                ids.add(rows.getString(1));
              }
            }
          }
          return ids;
        });
  }
}
