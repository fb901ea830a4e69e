package io.routebench.storage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repositories' one statement helper: binding by type, mapping rows, batches. */
class SqlTest {

  private Connection connection;

  @BeforeEach
  void open() throws Exception {
    connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    Sql.update(connection, "CREATE TABLE t (name TEXT, count INTEGER, big INTEGER, flag INTEGER)");
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  @Test
  void parameters_bind_by_type_and_rows_map_in_query_order() throws Exception {
    Sql.update(connection, "INSERT INTO t VALUES (?, ?, ?, ?)", "b", 2, 5_000_000_000L, true);
    Sql.update(connection, "INSERT INTO t VALUES (?, ?, ?, ?)", null, 1, 0L, false);

    List<Map.Entry<String, Long>> rows =
        Sql.list(
            connection,
            "SELECT name, big FROM t WHERE flag IN (?, ?) ORDER BY count",
            row -> Map.entry(String.valueOf(row.getString(1)), row.getLong(2)),
            0,
            1);

    assertThat(rows).containsExactly(Map.entry("null", 0L), Map.entry("b", 5_000_000_000L));
    assertThat(Sql.first(connection, "SELECT flag FROM t WHERE name = ?", r -> r.getInt(1), "b"))
        .contains(1);
  }

  @Test
  void first_is_empty_without_a_row_and_update_counts_changed_rows() throws Exception {
    assertThat(Sql.first(connection, "SELECT name FROM t", row -> row.getString(1))).isEmpty();
    try (Sql.Batch insert = Sql.batch(connection, "INSERT INTO t (name, count) VALUES (?, ?)")) {
      for (int i = 0; i < 3; i++) {
        insert.add("n" + i, i);
      }
      insert.execute();
    }

    assertThat(Sql.update(connection, "UPDATE t SET flag = ? WHERE count >= ?", true, 1))
        .isEqualTo(2);
  }

  @Test
  void a_value_of_no_known_sql_type_is_refused_before_anything_runs() {
    assertThatThrownBy(() -> Sql.update(connection, "INSERT INTO t (name) VALUES (?)", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot bind");
  }
}
