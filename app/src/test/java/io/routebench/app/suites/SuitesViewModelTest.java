package io.routebench.app.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suites tab's logic over a real workspace file, without the toolkit. */
class SuitesViewModelTest {

  @TempDir Path dir;
  private Workspace workspace;
  private SuitesViewModel suites;
  private final ManualUiTimer timer = new ManualUiTimer();

  @BeforeEach
  void open() {
    workspace = WorkspaceFile.create(dir.resolve("w.routebench"));
    TestSuite suite = workspace.suites().createSuite("smoke", "");
    workspace
        .suites()
        .addCases(
            suite.id(),
            List.of(
                testCase("c1", "rust dates", List.of("code"), "code generation"),
                testCase("c2", "fix the bug", List.of("code", "urgent"), "debugging"),
                testCase("c3", "hello mail", List.of(), "retired route")));
    suites =
        new SuitesViewModel(
            workspace.suites(),
            workspace.runs(),
            new CurrentThreadTaskExecutor(),
            new SimpleObjectProperty<>(Documents.codingAndWriting()),
            run -> false,
            timer);
    suites.reload();
  }

  @AfterEach
  void close() {
    workspace.close();
  }

  @Test
  void the_first_suite_shows_its_cases_with_search_and_tag_filter() {
    assertThat(names()).containsExactly("rust dates", "fix the bug", "hello mail");
    assertThat(suites.tags()).containsExactly(SuitesViewModel.ALL_TAGS, "code", "urgent");

    suites.tagFilterProperty().set("code");
    assertThat(names()).containsExactly("rust dates", "fix the bug");

    suites.searchProperty().set("DEBUG");
    assertThat(names()).containsExactly("fix the bug");
  }

  @Test
  void a_changed_expected_route_is_stored_and_one_undo_restores_it() {
    TestCase dates = suites.findCase("c1").orElseThrow();

    suites.updateCase("change expected route", CaseEdits.withExpectedRoute(dates, 0, "debugging"));

    assertThat(storedCase("c1").messages().get(0).expectedRoute()).isEqualTo("debugging");
    assertThat(suites.history().undoLabelProperty().get()).isEqualTo("change expected route");

    suites.undo();

    assertThat(storedCase("c1").messages().get(0).expectedRoute()).isEqualTo("code generation");
    assertThat(suites.findCase("c1").orElseThrow()).isEqualTo(dates);
  }

  @Test
  void a_route_no_policy_has_is_flagged_and_mapped_to_an_existing_one() {
    assertThat(suites.missingRoutes()).containsExactly("retired route");
    assertThat(suites.visibleRows().get(2).missingRoutes()).containsExactly("retired route");

    suites.mapRoute("retired route", "email drafting");

    assertThat(suites.missingRoutes()).isEmpty();
    assertThat(storedCase("c3").messages().get(0).expectedRoute()).isEqualTo("email drafting");
  }

  @Test
  void a_deleted_suite_comes_back_with_its_cases_on_undo() {
    suites.deleteSuite();

    assertThat(workspace.suites().listSuites()).isEmpty();
    assertThat(suites.suite()).isEmpty();

    suites.undo();

    assertThat(suites.suite().orElseThrow().name()).isEqualTo("smoke");
    assertThat(names()).containsExactly("rust dates", "fix the bug", "hello mail");

    suites.redo();
    assertThat(workspace.suites().listSuites()).isEmpty();
  }

  @Test
  void new_duplicate_and_rename_are_stored_and_undoable() {
    suites.duplicateSuite();
    assertThat(suites.suite().orElseThrow().name()).isEqualTo("smoke copy");
    assertThat(names()).hasSize(3);

    suites.renameSuite("smoke 2");
    assertThat(workspace.suites().findSuiteByName("smoke 2")).isPresent();
    suites.undo();
    assertThat(workspace.suites().findSuiteByName("smoke copy")).isPresent();

    suites.newSuite("empty");
    assertThat(suites.suites()).extracting(s -> s.name()).contains("empty");
    suites.undo();
    assertThat(workspace.suites().findSuiteByName("empty")).isEmpty();
  }

  @Test
  void a_deleted_case_comes_back_on_undo() {
    suites.deleteCase("c2");
    assertThat(names()).containsExactly("rust dates", "hello mail");

    suites.undo();
    assertThat(names()).containsExactlyInAnyOrder("rust dates", "fix the bug", "hello mail");
  }

  @Test
  void
      a_jsonl_file_with_a_bad_line_is_read_with_the_cli_reader_and_its_good_cases_imported_in_one_undo_step()
          throws Exception {
    Path file =
        java.nio.file.Files.writeString(
            dir.resolve("more.jsonl"),
            """
            {"name": "deploy", "messages": [{"role": "user", "content": "ship it", "expected_route": "debugging"}]}
            {"name": "broken", "messages": [{"role": "assistant", "content": "hi", "expected_route": "debugging"}]}
            """);
    var read = new java.util.ArrayList<io.routebench.core.suite.jsonl.SuiteJsonlResult>();

    suites.readJsonl(file, read::add);

    assertThat(read.get(0).cases()).extracting(TestCase::name).containsExactly("deploy");
    assertThat(read.get(0).errors())
        .singleElement()
        .satisfies(error -> assertThat(error.lineNumber()).isEqualTo(2));

    suites.importCases(file, read.get(0).cases());
    assertThat(names()).containsExactly("rust dates", "fix the bug", "hello mail", "deploy");

    suites.undo();
    assertThat(names()).containsExactly("rust dates", "fix the bug", "hello mail");
  }

  @Test
  void an_exported_suite_reads_back_with_the_same_cases() throws Exception {
    Path file = dir.resolve("out/smoke.jsonl");
    java.nio.file.Files.createDirectories(file.getParent());

    suites.exportJsonl(file);

    var back = io.routebench.core.suite.jsonl.SuiteJsonlReader.read(file);
    assertThat(back.errors()).isEmpty();
    assertThat(back.cases())
        .extracting(TestCase::name)
        .containsExactly("rust dates", "fix the bug", "hello mail");
    assertThat(suites.messageProperty().get()).isEqualTo("Exported 3 cases to " + file);
  }

  @Test
  void a_notice_goes_after_a_while_and_a_failure_stays_until_a_write_succeeds() throws Exception {
    suites.exportJsonl(dir.resolve("smoke.jsonl"));
    assertThat(suites.messageProperty().get()).startsWith("Exported 3 cases");
    timer.fireAll();
    assertThat(suites.messageProperty().get()).isEmpty();

    Path notAFolder = java.nio.file.Files.writeString(dir.resolve("file"), "x");
    suites.exportJsonl(notAFolder.resolve("smoke.jsonl"));
    timer.fireAll();
    assertThat(suites.messageProperty().get()).startsWith("Could not export");

    TestCase dates = suites.findCase("c1").orElseThrow();
    suites.updateCase("change expected route", CaseEdits.withExpectedRoute(dates, 0, "debugging"));

    assertThat(suites.messageProperty().get()).isEmpty();
  }

  private List<String> names() {
    return suites.visibleRows().stream().map(CaseRow::name).toList();
  }

  private TestCase storedCase(String id) {
    return workspace.suites().findSuiteByName("smoke").orElseThrow().cases().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static TestCase testCase(String id, String name, List<String> tags, String route) {
    return new TestCase(id, name, tags, "", List.of(CaseMessage.user(name, route)));
  }
}
