package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.WorkspaceOpenException.Problem;
import io.routebench.storage.repository.CaseTagQueries.TagCount;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written by earlier RouteBench versions open, upgraded, with nothing lost. */
class WorkspaceUpgradeTest {

  @TempDir Path dir;

  static Stream<Arguments> earlierVersions() {
    return Stream.of(
        Arguments.of(0, (Consumer<Path>) HistoricalWorkspaces::version0),
        Arguments.of(1, (Consumer<Path>) HistoricalWorkspaces::version1));
  }

  @ParameterizedTest(name = "version {0}")
  @MethodSource("earlierVersions")
  void every_earlier_version_is_upgraded_to_the_schema_a_new_workspace_has(
      int version, Consumer<Path> writer) {
    Path old = dir.resolve("old.routebench");
    writer.accept(old);
    assertThat(RawSqlite.single(old, "PRAGMA user_version")).isEqualTo(String.valueOf(version));
    Path fresh = dir.resolve("fresh.routebench");
    WorkspaceFile.create(fresh).close();

    try (Workspace workspace = WorkspaceFile.open(old)) {
      assertThat(workspace.schemaVersion()).isEqualTo(WorkspaceFile.SCHEMA_VERSION);
    }

    assertThat(RawSqlite.single(old, "PRAGMA user_version"))
        .isEqualTo(String.valueOf(WorkspaceFile.SCHEMA_VERSION));
    assertThat(schema(old)).isEqualTo(schema(fresh));
    assertThat(WorkspaceFile.inspect(old).status()).isEqualTo(WorkspaceStatus.UP_TO_DATE);
  }

  @Test
  void a_version_1_workspace_keeps_its_document_suites_tags_and_runs() {
    Path file = dir.resolve("v1.routebench");
    HistoricalWorkspaces.version1(file);

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.policies().load()).isEqualTo(HistoricalWorkspaces.version1Document());
      assertThat(workspace.suites().findSuite("s-regression"))
          .contains(HistoricalWorkspaces.version1Suite());
      assertThat(workspace.caseTags().tagCounts("s-regression"))
          .containsExactly(new TagCount("billing", 2), new TagCount("multi-turn", 1));
      assertThat(workspace.runs().findRun("r-1")).contains(HistoricalWorkspaces.version1Run());
      assertThat(workspace.runs().listRuns("s-regression"))
          .singleElement()
          .satisfies(
              run -> {
                assertThat(run.turns()).isEqualTo(2);
                assertThat(run.passedTurns()).isEqualTo(1);
              });
    }
  }

  @Test
  void runs_from_before_the_serving_engine_was_recorded_read_as_made_under_llama_server() {
    Path file = dir.resolve("v1.routebench");
    HistoricalWorkspaces.version1(file);

    try (Workspace workspace = WorkspaceFile.open(file)) {
      // RouteBench's llama.cpp engine rendered the GGUF's template with Jinja, as llama-server
      // does.
      assertThat(workspace.runs().findRun("r-1").orElseThrow().engine().wrapping())
          .contains(PromptWrapping.BEFORE_SERVED_BY.recorded());
      // The document describes the user's setup: the proxies' documented one until they say.
      assertThat(workspace.policies().load().promptWrapping()).isEqualTo(PromptWrapping.DEFAULT);
    }
  }

  @Test
  void an_upgraded_workspace_accepts_new_cases_after_its_last_one() {
    Path file = dir.resolve("v1.routebench");
    HistoricalWorkspaces.version1(file);

    try (Workspace workspace = WorkspaceFile.open(file)) {
      workspace.suites().addCases("s-regression", Samples.testCases("new", 2));

      assertThat(workspace.suites().findSuite("s-regression").orElseThrow().cases())
          .extracting(c -> c.id())
          .containsExactly("c-double", "c-hello", "c-refund", "new-0", "new-1");
    }
  }

  @Test
  void a_version_0_file_left_by_an_interrupted_create_opens_as_an_empty_workspace() {
    Path file = dir.resolve("interrupted.routebench");
    HistoricalWorkspaces.version0(file);

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.policies().load()).isEqualTo(PolicyDocument.empty("Untitled"));
      assertThat(workspace.suites().listSuites()).isEmpty();
    }
  }

  @Test
  void a_failed_upgrade_step_leaves_a_valid_version_1_workspace_with_all_its_data() {
    Path file = dir.resolve("v1.routebench");
    HistoricalWorkspaces.version1(file, "not json");

    assertThatThrownBy(() -> WorkspaceFile.open(file))
        .isInstanceOfSatisfying(
            WorkspaceOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UPGRADE_FAILED))
        .hasMessage(
            "Could not upgrade "
                + file
                + " from workspace schema version 1 to 6: malformed JSON. The file is still a"
                + " valid version 1 workspace.");

    assertThat(RawSqlite.single(file, "PRAGMA user_version")).isEqualTo("1");
    assertThat(RawSqlite.column(file, "SELECT tags_json FROM cases ORDER BY position"))
        .containsExactly("not json", "[]", "[\"billing\"]");
    assertThat(RawSqlite.column(file, "SELECT name FROM sqlite_master WHERE name = 'case_tags'"))
        .isEmpty();
  }

  /** Tables and indexes with their definitions, whitespace-normalized. */
  private static List<String> schema(Path file) {
    return RawSqlite.column(
            file,
            """
            SELECT type || ' ' || name || ': ' || COALESCE(sql, '')
            FROM sqlite_master
            ORDER BY type, name
            """)
        .stream()
        .map(definition -> definition.replaceAll("\\s+", " "))
        .toList();
  }
}
