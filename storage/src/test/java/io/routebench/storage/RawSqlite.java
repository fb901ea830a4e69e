package io.routebench.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Plain JDBC access to a database file, bypassing RouteBench's storage code: how tests build
 * foreign or historical files and look at what was really written.
 */
public final class RawSqlite {

  private RawSqlite() {}

  /** Runs statements on a plain read-write connection (SQLite defaults, no foreign keys). */
  public static void execute(Path file, String... statements) {
    try (Connection connection = DriverManager.getConnection(url(file));
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement on an open connection (a test's own, held in some mode or transaction). */
  public static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of every row, read over a separate read-only connection. */
  public static List<String> column(Path file, String sql) {
    var values = new ArrayList<String>();
    var readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection connection = readOnly.createConnection(url(file));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  public static String single(Path file, String sql) {
    List<String> values = column(file, sql);
    if (values.size() != 1) {
      throw new IllegalStateException(sql + " returned " + values);
    }
    return values.get(0);
  }

  public static int count(Path file, String table) {
    return Integer.parseInt(single(file, "SELECT COUNT(*) FROM " + table));
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath().toUri();
  }
}
