package io.routebench.storage;

import io.routebench.core.conversation.PlaytestConversationRepository;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.workspace.PolicyDocumentRepository;
import io.routebench.storage.repository.CaseTagQueries;
import io.routebench.storage.repository.SqlitePlaytestConversationRepository;
import io.routebench.storage.repository.SqlitePolicyDocumentRepository;
import io.routebench.storage.repository.SqliteRegressionRunRepository;
import io.routebench.storage.repository.SqliteTestSuiteRepository;
import io.routebench.storage.sqlite.SqlWork;
import io.routebench.storage.sqlite.TransactionRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open {@code .routebench} file and its repositories; obtained from {@link WorkspaceFile}.
 *
 * <p>Every repository call is one committed transaction, durable when it returns: there is nothing
 * to flush, and closing only releases the file.
 *
 * <p>Thread-safe: the repositories share one connection (every handle this process opens on the
 * same file shares it too, see {@link OpenWorkspaceFiles}), and calls from any threads are served
 * one at a time (a long call, such as importing twenty thousand cases, makes the others wait).
 * Calls after {@link #close()} throw {@link IllegalStateException}; database failures throw {@link
 * StorageException}.
 */
public final class Workspace implements AutoCloseable {

  private final Path path;
  private final OpenWorkspaceFiles.Entry file;
  private final SqlitePolicyDocumentRepository policies;
  private final SqliteTestSuiteRepository suites;
  private final SqliteRegressionRunRepository runs;
  private final CaseTagQueries caseTags;
  private final SqlitePlaytestConversationRepository playtest;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A handle on a file opened through {@link OpenWorkspaceFiles}, which it releases on close. */
  Workspace(Path path, OpenWorkspaceFiles.Entry file) {
    this.path = path;
    this.file = file;
    TransactionRunner transactions = new HandleTransactions();
    this.policies = new SqlitePolicyDocumentRepository(transactions);
    this.suites = new SqliteTestSuiteRepository(transactions, Clock.systemUTC());
    this.runs = new SqliteRegressionRunRepository(transactions);
    this.caseTags = new CaseTagQueries(transactions);
    this.playtest = new SqlitePlaytestConversationRepository(transactions);
  }

  /** The shared connection's transactions, refused once this handle is closed. */
  private final class HandleTransactions implements TransactionRunner {
    @Override
    public <T> T inTransaction(String action, SqlWork<T> work) {
      requireOpen(action);
      return file.connection.inTransaction(action, work);
    }

    @Override
    public <T> T inReadTransaction(String action, SqlWork<T> work) {
      requireOpen(action);
      return file.connection.inReadTransaction(action, work);
    }

    private void requireOpen(String action) {
      if (closed.get()) {
        throw new IllegalStateException("Could not " + action + ": " + path + " is closed");
      }
    }
  }

  public Path path() {
    return path;
  }

  /** The schema version of the file, which opening brought up to the current one. */
  public int schemaVersion() {
    return file.schemaVersion;
  }

  /**
   * Whether the file could only be opened for reading (a read-only file, folder or mount): every
   * write then fails with a {@link StorageException} saying so.
   */
  public boolean isReadOnly() {
    return file.readOnly;
  }

  /**
   * What opening did that the user should hear of, e.g. that a backup of a converted file was kept
   * beside it; empty as a rule.
   */
  public List<String> notices() {
    return file.notices;
  }

  /**
   * Every row that the policies, suites, runs or playtest depend on and that is missing or does not
   * parse, one line per kind of damage naming its table and rows; empty for a sound workspace.
   * Reads the whole file: {@code validate} calls it, opening checks only the policy rows.
   */
  public List<String> damagedRows() {
    return file.connection.inReadTransaction("check the workspace's rows", WorkspaceRows::findAll);
  }

  /** The connection for work in this package (integrity checks, fault injection in tests). */
  LockedConnection connection() {
    return file.connection;
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

  /** The playtest conversation as the user left it. */
  public PlaytestConversationRepository playtest() {
    return playtest;
  }

  /** Tag filtering for the suite view, answered from an index. */
  public CaseTagQueries caseTags() {
    return caseTags;
  }

  /**
   * Releases this handle; the last handle on the file waits for a call in progress, then closes it.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      OpenWorkspaceFiles.release(file);
    }
  }

  @Override
  public String toString() {
    return "Workspace[" + path + "]";
  }
}
