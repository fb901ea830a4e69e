package io.routebench.storage.repository;

import io.routebench.storage.sqlite.TransactionRunner;
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
        connection ->
            Sql.list(
                connection,
                SELECT_TAG_COUNTS,
                row -> new TagCount(row.getString(1), row.getInt(2)),
                suiteId));
  }

  /** Ids of the suite's cases carrying {@code tag} (exact match), in suite order. */
  public List<String> caseIdsTagged(String suiteId, String tag) {
    return transactions.inReadTransaction(
        "find the cases tagged '" + tag + "'",
        connection ->
            Sql.list(connection, SELECT_CASES_TAGGED, row -> row.getString(1), suiteId, tag));
  }
}
