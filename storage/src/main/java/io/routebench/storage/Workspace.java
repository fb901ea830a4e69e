package io.routebench.storage;

import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.workspace.PolicyDocumentRepository;
import io.routebench.storage.repository.CaseTagQueries;
import io.routebench.storage.repository.SqlitePolicyDocumentRepository;
import io.routebench.storage.repository.SqliteRegressionRunRepository;
import io.routebench.storage.repository.SqliteTestSuiteRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;

/**
 * An open {@code .routebench} file and its repositories; obtained from {@link WorkspaceFile}.
 *
 * <p>Every repository call is one committed transaction, durable when it returns: there is nothing
 * to flush, and closing only releases the file.
 *
 * <p>Thread-safe: the repositories share one connection, and calls from any threads are served one
 * at a time (a long call, such as importing twenty thousand cases, makes the others wait). Calls
 * after {@link #close()} throw {@link IllegalStateException}; database failures throw {@link
 * StorageException}.
 */
public final class Workspace implements AutoCloseable {

  private final Path path;
  private final int schemaVersion;
  private final LockedConnection connection;
  private final SqlitePolicyDocumentRepository policies;
  private final SqliteTestSuiteRepository suites;
  private final SqliteRegressionRunRepository runs;
  private final CaseTagQueries caseTags;

  Workspace(Path path, int schemaVersion, Connection connection) {
    this.path = path;
    this.schemaVersion = schemaVersion;
    this.connection = new LockedConnection(path, connection);
    this.policies = new SqlitePolicyDocumentRepository(this.connection);
    this.suites = new SqliteTestSuiteRepository(this.connection, Clock.systemUTC());
    this.runs = new SqliteRegressionRunRepository(this.connection);
    this.caseTags = new CaseTagQueries(this.connection);
  }

  public Path path() {
    return path;
  }

  /** The schema version of the file, which opening brought up to the current one. */
  public int schemaVersion() {
    return schemaVersion;
  }

  public PolicyDocumentRepository policies() {
    return policies;
  }

  public TestSuiteRepository suites() {
    return suites;
  }

  public RegressionRunRepository runs() {
    return runs;
  }

  /** Tag filtering for the suite view, answered from an index. */
  public CaseTagQueries caseTags() {
    return caseTags;
  }

  /** Waits for a call in progress, then releases the file. Idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "Workspace[" + path + "]";
  }
}
