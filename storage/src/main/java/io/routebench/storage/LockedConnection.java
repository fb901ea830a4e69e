package io.routebench.storage;

import io.routebench.storage.sqlite.SqlWork;
import io.routebench.storage.sqlite.SqliteTransactions;
import io.routebench.storage.sqlite.TransactionRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one JDBC connection of an open workspace, shared by its repositories. A JDBC connection
 * carries one transaction at a time, so every unit of work takes the lock for its whole
 * transaction: callers on any thread are served one after another.
 */
final class LockedConnection implements TransactionRunner {

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  LockedConnection(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  @Override
  public <T> T inTransaction(String action, SqlWork<T> work) {
    return locked(action, work, SqliteTransactions::inTransaction);
  }

  @Override
  public <T> T inReadTransaction(String action, SqlWork<T> work) {
    return locked(action, work, SqliteTransactions::inReadTransaction);
  }

  /** How a unit of work runs on the connection: a write or a read transaction. */
  private interface Transaction {
    <T> T run(Connection connection, SqlWork<T> work) throws SQLException;
  }

  private <T> T locked(String action, SqlWork<T> work, Transaction transaction) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("Could not " + action + ": " + file + " is closed");
      }
      return transaction.run(connection, work);
    } catch (SQLException e) {
      throw StorageException.of(file, action, e);
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the running unit of work, then closes; later calls fail. Idempotent. */
  void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      // The last connection to close checkpoints the write-ahead log into the file.
      connection.close();
    } catch (SQLException e) {
      throw StorageException.of(file, "close the workspace", e);
    } finally {
      lock.unlock();
    }
  }
}
