package io.routebench.storage.sqlite;

/**
 * Runs units of work against one workspace file, one at a time, each in its own transaction that is
 * committed (and durable) when the call returns. Repositories depend on this rather than on a
 * {@link java.sql.Connection}, so they can neither leak a transaction nor skip the lock.
 */
public interface TransactionRunner {

  /**
   * Runs {@code work} in a transaction of its own.
   *
   * @param action what the work does, phrased to complete "Could not …" in an error message (e.g.
   *     {@code "save the policy document"})
   * @throws io.routebench.storage.StorageException when the database fails; exceptions thrown by
   *     {@code work} itself (such as {@link IllegalArgumentException} for bad input) roll the
   *     transaction back and pass through unchanged
   */
  <T> T inTransaction(String action, SqlWork<T> work);

  /**
   * Runs {@code work}, which only reads, in a transaction of its own that takes no write lock: a
   * consistent view of the file that never keeps another process (a regression run storing its
   * answers) from writing, and never deadlocks with one.
   */
  <T> T inReadTransaction(String action, SqlWork<T> work);
}
