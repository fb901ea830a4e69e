package io.routebench.storage.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One statement on the caller's connection, inside the caller's transaction: parameters bound in
 * order, rows mapped, the statement closed. It replaces the prepare, bind, execute, loop and close
 * that every repository used to spell out.
 *
 * <p>JDBI would do the same, but it wants to own the connection's handle and its transactions,
 * while a workspace's one connection belongs to {@code OpenWorkspaceFiles} and its transactions to
 * {@code SqliteTransactions}; this is the part of it the repositories need, and no more.
 *
 * <p>Parameters: {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}
 * (stored as 0 or 1, as every flag column is) and {@code null} (SQL {@code NULL}).
 */
final class Sql {

  /** Maps the current row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Sql() {}

  /** Every row, mapped, in the order the query gives them. */
  static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      var mapped = new ArrayList<T>();
      while (rows.next()) {
        mapped.add(row.map(rows));
      }
      return mapped;
    }
  }

  /** The first row, mapped, or empty when the query has none. */
  static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(row.map(rows)) : Optional.empty();
    }
  }

  /** Runs an insert, update or delete; returns the number of rows it changed. */
  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** One statement run for many parameter rows at once, the way large imports stay fast. */
  static Batch batch(Connection connection, String sql) throws SQLException {
    return new Batch(connection.prepareStatement(sql));
  }

  /** A prepared statement collecting parameter rows until {@link #execute()}. */
  static final class Batch implements AutoCloseable {
    private final PreparedStatement statement;

    private Batch(PreparedStatement statement) {
      this.statement = statement;
    }

    void add(Object... parameters) throws SQLException {
      bind(statement, parameters);
      statement.addBatch();
    }

    void execute() throws SQLException {
      statement.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, parameters);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      int index = i + 1;
      switch (parameters[i]) {
        case null -> statement.setNull(index, Types.NULL);
        case String text -> statement.setString(index, text);
        case Integer number -> statement.setInt(index, number);
        case Long number -> statement.setLong(index, number);
        case Double number -> statement.setDouble(index, number);
        case Boolean flag -> statement.setInt(index, flag ? 1 : 0);
        default ->
            throw new IllegalArgumentException(
                "cannot bind a " + parameters[i].getClass().getName() + " to SQL");
      }
    }
  }
}
