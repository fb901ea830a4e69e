package io.routebench.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction that either commits or rolls back: the only place RouteBench code
 * begins, commits or rolls back a transaction.
 */
public final class SqliteTransactions {

  private SqliteTransactions() {}

  /**
   * Runs {@code work} in a new transaction and commits it; anything thrown rolls it back and is
   * rethrown unchanged (a failed rollback is attached as suppressed).
   *
   * @throws IllegalStateException if {@code connection} is already inside a transaction: nesting
   *     would make the inner commit silently commit the outer work too
   */
  public static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      throw new IllegalStateException("a transaction is already in progress on this connection");
    }
    connection.setAutoCommit(false);
    T result;
    try {
      result = work.run(connection);
      connection.commit();
    } catch (SQLException | RuntimeException | Error failure) {
      rollbackQuietly(connection, failure);
      // SQLite may have rolled the transaction back itself (a full disk does): leaving the
      // transaction must then not replace the reason with "no transaction is active".
      leaveTransactionQuietly(connection, failure);
      throw failure;
    }
    connection.setAutoCommit(true);
    return result;
  }

  private static void leaveTransactionQuietly(Connection connection, Throwable failure) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException leaveFailure) {
      failure.addSuppressed(leaveFailure);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }
}
