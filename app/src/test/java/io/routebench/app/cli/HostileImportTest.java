package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import that is refused or fails changes nothing, and says every problem validate would. */
class HostileImportTest {

  private static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwx1234";

  @TempDir Path dir;

  @Test
  void skip_bad_on_a_file_with_no_good_line_creates_nothing_and_fails() throws Exception {
    Path suite = dir.resolve("allbad.jsonl");
    Files.writeString(suite, "not json\n{\"name\": 3}\n");
    Path workspace = dir.resolve("w.routebench");

    CliRun run =
        CliRun.of("import", suite.toString(), "--workspace", workspace.toString(), "--skip-bad");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "allbad.jsonl has no good case to import; nothing imported (no suite was created)");
    assertThat(workspace).doesNotExist();
  }

  @Test
  void unknown_expected_routes_are_errors_at_their_file_line_and_nothing_is_stored()
      throws Exception {
    Path workspace = importSamplePolicies();
    Path suite = dir.resolve("typos.jsonl");
    Files.writeString(
        suite,
        """
        {"name": "fine", "messages": [{"role": "user", "content": "hi", "expected_route": "other"}]}

        {"name": "typo", "messages": [{"role": "user", "content": "x", "expected_route": "cod gen"}]}
        """);

    CliRun refused = CliRun.of("import", suite.toString(), "--workspace", workspace.toString());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains(
            "typos.jsonl: line 3: error: messages[0].expected_route: expected route \"cod gen\" is"
                + " not a route of this workspace (nor \"other\")")
        .contains("typos.jsonl has 1 error (listed above); nothing imported.")
        .contains("--allow-problems");
    assertThat(CliRun.of("suite", "list", "--workspace", workspace.toString()).out())
        .doesNotContain("typos");

    CliRun allowed =
        CliRun.of(
            "import", suite.toString(), "--workspace", workspace.toString(), "--allow-problems");

    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("imported 2 case(s) into suite \"typos\"");
  }

  @Test
  void policy_problems_validate_reports_refuse_the_import_with_the_same_lines() throws Exception {
    Path config = dir.resolve("dupes.yaml");
    Files.writeString(
        config,
        """
        version: v0.3.0
        model_providers:
          - model: openai/gpt-4o
            access_key: $OPENAI_API_KEY
            routing_preferences:
              - name: other
                description: anything else
              - name: code
                description: writing code
              - name: code
                description: reviewing code
        """);
    Path workspace = dir.resolve("w.routebench");

    CliRun validated = CliRun.of("validate", config.toString());
    CliRun imported = CliRun.of("import", config.toString(), "--workspace", workspace.toString());

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(validated.exitCode()).isEqualTo(1);
    var problems = validated.err().lines().filter(line -> !line.contains(": invalid (")).toList();
    assertThat(problems).as(validated.err()).isNotEmpty();
    assertThat(imported.err()).contains(problems).contains("nothing imported");
    assertThat(workspace).doesNotExist();
  }

  @Test
  void a_literal_key_is_refused_even_with_allow_problems_and_never_printed() throws Exception {
    Path config = dir.resolve("keyed.yaml");
    Files.writeString(
        config,
        """
        version: v0.3.0
        model_providers:
          - model: openai/gpt-4o
            access_key: %s
            default: true
            routing_preferences:
              - name: code
                description: writing code
        """
            .formatted(KEY));
    Path workspace = dir.resolve("w.routebench");

    CliRun run =
        CliRun.of(
            "import", config.toString(), "--workspace", workspace.toString(), "--allow-problems");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("keyed.yaml: error: targets[0].access_key: looks like a literal secret")
        .contains("1 literal secret in keyed.yaml (listed above); nothing imported.")
        .contains("$OPENAI_API_KEY");
    assertThat(run.out() + run.err()).doesNotContain(KEY);
    assertThat(workspace).doesNotExist();
  }

  @Test
  void a_key_pasted_into_a_test_conversation_is_refused_even_with_allow_problems()
      throws Exception {
    Path suite = dir.resolve("leaky.jsonl");
    Files.writeString(
        suite,
        "{\"name\": \"leak\", \"messages\": [{\"role\": \"user\", \"content\": \"my key is "
            + KEY
            + "\", \"expected_route\": \"other\"}]}\n");
    Path workspace = dir.resolve("w.routebench");

    CliRun run =
        CliRun.of(
            "import", suite.toString(), "--workspace", workspace.toString(), "--allow-problems");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("leaky.jsonl: line 1: error: messages[0].content: holds a literal secret")
        .contains("1 literal secret in leaky.jsonl (listed above); nothing imported.");
    assertThat(run.out() + run.err()).doesNotContain(KEY);
    assertThat(workspace).doesNotExist();
  }

  private Path importSamplePolicies() {
    Path workspace = dir.resolve("w.routebench");
    CliRun run =
        CliRun.of(
            "import",
            SamplePaths.policy("coding-assistant").toString(),
            "--workspace",
            workspace.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return workspace;
  }
}
