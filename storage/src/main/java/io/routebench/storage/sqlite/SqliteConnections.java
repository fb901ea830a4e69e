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
   * A connection that cannot write to the file, for deciding whether a file may be opened at all.
   * SQLite may create the {@code -wal}/{@code -shm} companions of a WAL database to read it, but
   * never writes the database file itself.
   */
  public static Connection openReadOnly(Path file) throws SQLException {
    var config = new SQLiteConfig();
    config.setReadOnly(true);
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return distrustSchema(config.createConnection(url(file)));
  }

  /**
   * The connection a workspace works with: foreign keys enforced, write-ahead log, and {@code
   * synchronous=FULL} so that a commit survives a power cut, not only a crash of RouteBench: the
   * workbench saves after every edit and promises that nothing is lost, and one fsync per commit is
   * cheap next to the user's typing. Write transactions start {@code IMMEDIATE} so they take the
   * write lock up front instead of failing half-way when another process writes.
   */
  public static Connection openReadWrite(Path file) throws SQLException {
    var config = new SQLiteConfig();
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return distrustSchema(config.createConnection(url(file)));
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
      try {
        connection.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
  }
}
