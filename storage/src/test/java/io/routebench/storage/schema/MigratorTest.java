package io.routebench.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {

  private static final Migration CREATE_NOTES =
      new Migration(0, "notes", "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('a');");
  private static final Migration ADD_AUTHORS =
      new Migration(
          1, "authors", "CREATE TABLE authors (name TEXT); INSERT INTO authors VALUES ('b');");

  @TempDir Path dir;
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    // Foreign keys stay off, as on a connection that forgot them: the orphan check must not rely
    // on enforcement.
    connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db").toUri());
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void steps_run_in_order_and_the_version_records_the_last() throws Exception {
    int version = new Migrator(List.of(CREATE_NOTES, ADD_AUTHORS)).migrate(connection);

    assertThat(version).isEqualTo(2);
    assertThat(Migrator.userVersion(connection)).isEqualTo(2);
    assertThat(column("SELECT name FROM authors")).containsExactly("b");
  }

  @Test
  void only_the_steps_a_file_has_not_seen_run() throws Exception {
    new Migrator(List.of(CREATE_NOTES)).migrate(connection);

    new Migrator(List.of(CREATE_NOTES, ADD_AUTHORS)).migrate(connection);
    new Migrator(List.of(CREATE_NOTES, ADD_AUTHORS)).migrate(connection);

    assertThat(column("SELECT text FROM notes")).containsExactly("a");
    assertThat(column("SELECT name FROM authors")).containsExactly("b");
  }

  @Test
  void a_failing_step_is_rolled_back_entirely_and_the_version_stays_at_the_step_before()
      throws Exception {
    var broken =
        new Migration(
            1,
            "broken",
            "CREATE TABLE authors (name TEXT); INSERT INTO authors VALUES ('b');"
                + " INSERT INTO missing_table VALUES (1);");

    assertThatThrownBy(() -> new Migrator(List.of(CREATE_NOTES, broken)).migrate(connection))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.fromVersion()).isEqualTo(1);
              assertThat(e.toVersion()).isEqualTo(2);
            })
        .hasMessageContaining("migration from schema version 1 to 2 (broken) failed")
        .hasMessageContaining("missing_table");

    assertThat(Migrator.userVersion(connection)).isEqualTo(1);
    assertThat(column("SELECT text FROM notes")).containsExactly("a");
    assertThat(column("SELECT name FROM sqlite_master WHERE name = 'authors'")).isEmpty();
  }

  @Test
  void a_step_that_leaves_orphans_behind_is_rolled_back() throws Exception {
    var parents =
        new Migration(
            0,
            "parents",
            "CREATE TABLE parent (id TEXT PRIMARY KEY);"
                + " CREATE TABLE child (parent_id TEXT REFERENCES parent (id));");
    var orphan = new Migration(1, "orphan", "INSERT INTO child VALUES ('nobody');");

    assertThatThrownBy(() -> new Migrator(List.of(parents, orphan)).migrate(connection))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("rows violate foreign keys: child -> parent");

    assertThat(Migrator.userVersion(connection)).isEqualTo(1);
    assertThat(column("SELECT COUNT(*) FROM child")).containsExactly("0");
  }

  @Test
  void steps_must_be_consecutive_from_version_zero() {
    assertThatThrownBy(() -> new Migrator(List.of(ADD_AUTHORS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "migration step 0 starts at version 1; steps must be consecutive from version 0");
  }

  @Test
  void a_file_newer_than_the_steps_is_not_touched() throws Exception {
    execute("PRAGMA user_version = 5");

    assertThatThrownBy(() -> new Migrator(List.of(CREATE_NOTES)).migrate(connection))
        .isInstanceOf(IllegalStateException.class);
    assertThat(column("SELECT name FROM sqlite_master")).isEmpty();
  }

  @Test
  void the_shipped_steps_are_consecutive_and_end_at_the_current_version() {
    assertThat(WorkspaceSchema.migrator().latestVersion())
        .isEqualTo(WorkspaceSchema.CURRENT_VERSION);
    assertThat(WorkspaceSchema.MIGRATIONS)
        .extracting(Migration::toVersion)
        .containsExactly(1, 2, 3, 4, 5, 6);
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private List<String> column(String sql) throws SQLException {
    var values = new ArrayList<String>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
