package io.routebench.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens JDBC connections to workspace files with the settings every connection needs. Neither
 * method creates a missing file: a workspace that vanished must fail to open, not come back empty.
 */
public final class SqliteConnections {

  /** How long a statement waits for another process (say the CLI) holding the write lock. */
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private SqliteConnections() {}

  /**
   * A connection that cannot write to the file: for a workspace in a read-only location. It creates
   * no companion file either, as long as the file uses a rollback journal.
   */
  public static Connection openReadOnly(Path file) throws SQLException {
    var config = new SQLiteConfig();
    config.setReadOnly(true);
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return distrustSchema(config.createConnection(url(file)));
  }

  /**
   * The connection a workspace works with: foreign keys enforced, {@code synchronous=FULL} so that
   * a commit survives a power cut, not only a crash of RouteBench (the workbench saves after every
   * edit and promises that nothing is lost, and one fsync per commit is cheap next to the user's
   * typing), and write transactions that start {@code IMMEDIATE}, so they take the write lock up
   * front instead of failing half-way when another process writes.
   *
   * <p>Deleted content is overwritten ({@code secure_delete}): a literal key that an import
   * replaced, or a conversation the user deleted, must not linger in the file's free pages for the
   * next person the file is sent to. It costs writes only where rows are deleted or changed.
   *
   * <p>Opening changes nothing in the file: the journal mode is set by {@link #useRollbackJournal}
   * once the file is known to be a workspace this RouteBench may write.
   */
  public static Connection openReadWrite(Path file) throws SQLException {
    var config = new SQLiteConfig();
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.enforceForeignKeys(true);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection connection = distrustSchema(config.createConnection(url(file)));
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA secure_delete = ON");
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeAfter(connection, e);
      throw e;
    }
  }

  /**
   * Closes {@code connection}, if there is one, after {@code failure}: a failure to close is kept
   * on it as suppressed, so that the first failure is the one reported.
   */
  public static void closeAfter(Connection connection, Throwable failure) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException closeFailure) {
      failure.addSuppressed(closeFailure);
    }
  }

  /**
   * Puts the file in rollback-journal mode ({@code DELETE}), which workspaces use instead of a
   * write-ahead log. A write-ahead log needs every process using the file to hold a lock on it for
   * as long as it has the file open; on POSIX that lock vanishes when <em>any</em> descriptor of
   * the file in the process is closed (a file chooser sniffing the file's type is enough). The next
   * program to close the file then believes it is the last one, checkpoints and deletes the log
   * while the workbench goes on writing into the deleted file: every later edit is lost. A rollback
   * journal holds locks only for the milliseconds of a transaction, so a lost lock between edits
   * costs nothing; it also needs no shared-memory file, so a workspace in a read-only folder can
   * still be read.
   *
   * @return whether the file now uses a rollback journal (false when another process still has it
   *     open with a write-ahead log; it switches when that process lets go)
   */
  public static boolean useRollbackJournal(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var row = statement.executeQuery("PRAGMA journal_mode = DELETE")) {
      return row.next() && "delete".equalsIgnoreCase(row.getString(1));
    }
  }

  /**
   * A URI with every special character percent-encoded: the driver would otherwise read a {@code ?}
   * in a folder name as the start of connection parameters.
   */
  static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath().toUri();
  }

  /**
   * Workspace files are documents users pass around, so a file's schema must not be able to run
   * functions with side effects from views or triggers (SQLite's advice for application file
   * formats).
   */
  private static Connection distrustSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA trusted_schema = OFF");
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeAfter(connection, e);
      throw e;
    }
  }
}
