package io.routebench.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqliteTransactionsTest {

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE t (x INTEGER)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void work_that_returns_is_committed_and_its_value_returned() throws SQLException {
    int inserted =
        SqliteTransactions.inTransaction(
            connection,
            c -> {
              try (Statement statement = c.createStatement()) {
                return statement.executeUpdate("INSERT INTO t VALUES (1), (2)");
              }
            });

    assertThat(inserted).isEqualTo(2);
    assertThat(count()).isEqualTo(2);
    assertThat(connection.getAutoCommit()).isTrue();
  }

  @Test
  void work_that_throws_is_rolled_back_and_the_same_exception_rethrown() throws SQLException {
    var failure = new IllegalArgumentException("bad input");

    assertThatThrownBy(
            () ->
                SqliteTransactions.inTransaction(
                    connection,
                    c -> {
                      try (Statement statement = c.createStatement()) {
                        statement.executeUpdate("INSERT INTO t VALUES (1)");
                      }
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(count()).isZero();
    assertThat(connection.getAutoCommit()).isTrue();
  }

  @Test
  void a_failing_statement_rolls_back_the_statements_before_it() throws SQLException {
    assertThatThrownBy(
            () ->
                SqliteTransactions.inTransaction(
                    connection,
                    c -> {
                      try (Statement statement = c.createStatement()) {
                        statement.executeUpdate("INSERT INTO t VALUES (1)");
                        return statement.executeUpdate("INSERT INTO nowhere VALUES (1)");
                      }
                    }))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("nowhere");

    assertThat(count()).isZero();
  }

  @Test
  void transactions_do_not_nest() {
    assertThatThrownBy(
            () ->
                SqliteTransactions.inTransaction(
                    connection, c -> SqliteTransactions.inTransaction(c, inner -> 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a transaction is already in progress on this connection");
  }

  private int count() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      row.next();
      return row.getInt(1);
    }
  }
}
