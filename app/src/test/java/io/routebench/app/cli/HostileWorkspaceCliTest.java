package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspaces a stranger tampered with, through the command line: a foreign write-ahead log, rows
 * edited behind RouteBench's back, and secrets an older file still holds (issue 16).
 */
class HostileWorkspaceCliTest {

  private static final String KEY = "sk-proj-ReplacedLiteralKey0123456789abcdef";
  private static final String PASSWORD = "hunter2-router-password";

  @TempDir Path dir;

  @Test
  void a_foreign_log_beside_a_workspace_is_refused_by_every_command_and_nothing_changes()
      throws Exception {
    Path workspace = importedWorkspace();
    Path other = dir.resolve("other.db");
    try (Connection connection = sqlite(other)) {
      execute(connection, "PRAGMA journal_mode = WAL", "PRAGMA wal_autocheckpoint = 0");
      execute(connection, "CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('x')");
      Files.copy(dir.resolve("other.db-wal"), dir.resolve("w.routebench-wal"));
    }
    Files.delete(other);
    Files.deleteIfExists(dir.resolve("other.db-wal"));
    Files.deleteIfExists(dir.resolve("other.db-shm"));
    Map<String, String> before = folder();

    for (String[] args :
        new String[][] {
          {"validate", workspace.toString()},
          {"export", "--workspace", workspace.toString(), "--format", "archgw"},
          {"suite", "list", "--workspace", workspace.toString()},
          {
            "import",
            config("again.yaml", "openai/gpt-4o").toString(),
            "--workspace",
            workspace.toString(),
            "--replace"
          }
        }) {
      CliRun run = CliRun.of(args);

      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(3);
      assertThat(run.err())
          .contains("w.routebench-wal beside it is not its write-ahead log")
          .contains("Move w.routebench-wal out of this folder")
          .doesNotContain("\tat ");
      assertThat(folder()).as(String.join(" ", args)).isEqualTo(withoutConfigs(before));
    }
  }

  @Test
  void import_replace_neither_prints_nor_leaves_behind_the_secrets_it_replaces() throws Exception {
    Path workspace = importedWorkspace();
    try (Connection connection = sqlite(workspace)) {
      // An older RouteBench stored what this one refuses.
      execute(
          connection,
          "UPDATE targets SET access_key_ref = '" + KEY + "'",
          "INSERT INTO self_hosted_router (singleton, model, base_url, provider_name)"
              + " VALUES (1, 'arch-router', 'http://admin:"
              + PASSWORD
              + "@router:11434',"
              + " 'arch-router')");
    }

    CliRun run =
        CliRun.of(
            "import",
            config("next.yaml", "openai/gpt-4o").toString(),
            "--workspace",
            workspace.toString(),
            "--replace");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("replacing the workspace's policies:")
        .contains("access key “*** (a literal secret, not shown)” → “$OPENAI_API_KEY”")
        .contains("router base URL “http://admin:***@router:11434” → (none)")
        .doesNotContain(KEY)
        .doesNotContain(PASSWORD);
    String bytes = new String(Files.readAllBytes(workspace), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain(KEY).doesNotContain(PASSWORD);
  }

  @Test
  void damaged_rows_pass_no_command_and_are_named_by_table_and_row() throws Exception {
    Path workspace = importedWorkspace();
    try (Connection connection = sqlite(workspace)) {
      execute(connection, "UPDATE targets SET extras_json = '{' WHERE position = 0");
    }

    CliRun validate = CliRun.of("validate", workspace.toString());
    CliRun prompt =
        CliRun.of("prompt", "--config", workspace.toString(), "--conversation", conversation());

    for (CliRun run : new CliRun[] {validate, prompt}) {
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err())
          .contains(
              "targets row at position 0 (model \"openai/gpt-4o\"): extras_json is not a JSON"
                  + " object")
          .doesNotContain("Jackson")
          .doesNotContain("\tat ");
    }

    try (Connection connection = sqlite(workspace)) {
      execute(
          connection,
          "UPDATE targets SET extras_json = '{}'",
          "PRAGMA foreign_keys = OFF",
          "DELETE FROM domains");
    }

    CliRun orphaned = CliRun.of("validate", workspace.toString());

    assertThat(orphaned.exitCode()).isEqualTo(3);
    assertThat(orphaned.err()).contains("belongs to a domain that does not exist");
  }

  private Path importedWorkspace() throws IOException {
    Path workspace = dir.resolve("w.routebench");
    CliRun run =
        CliRun.of(
            "import",
            config("first.yaml", "openai/gpt-4o").toString(),
            "--workspace",
            workspace.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return workspace;
  }

  private Path config(String name, String model) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        """
        version: v0.3.0
        model_providers:
          - model: %s
            access_key: $OPENAI_API_KEY
            default: true
            routing_preferences:
              - name: code generation
                description: writing new code from a specification
              - name: summarization
                description: summarising documents and threads
        """
            .formatted(model));
    return file;
  }

  private String conversation() throws IOException {
    Path file = dir.resolve("messages.json");
    Files.writeString(file, "[{\"role\": \"user\", \"content\": \"write a parser\"}]");
    return file.toString();
  }

  private static Connection sqlite(Path file) throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri());
  }

  private static void execute(Connection connection, String... statements) throws Exception {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Every workspace-side file of the folder by name, with its SHA-256. */
  private Map<String, String> folder() throws Exception {
    var files = new TreeMap<String, String>();
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
        files.put(path.getFileName().toString(), HexFormat.of().formatHex(digest));
      }
    }
    return withoutConfigs(files);
  }

  private static Map<String, String> withoutConfigs(Map<String, String> files) {
    var kept = new TreeMap<String, String>(files);
    kept.keySet().removeIf(name -> name.endsWith(".yaml"));
    return kept;
  }
}
