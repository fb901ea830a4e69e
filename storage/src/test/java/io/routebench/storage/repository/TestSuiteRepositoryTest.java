package io.routebench.storage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.suite.TestSuiteRepository.SuiteSummary;
import io.routebench.storage.RawSqlite;
import io.routebench.storage.Samples;
import io.routebench.storage.StorageException;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSuiteRepositoryTest {

  @TempDir Path dir;
  private Path file;
  private Workspace workspace;
  private TestSuiteRepository suites;

  @BeforeEach
  void createWorkspace() {
    file = dir.resolve("suites.routebench");
    workspace = WorkspaceFile.create(file);
    suites = workspace.suites();
  }

  @AfterEach
  void closeWorkspace() {
    workspace.close();
  }

  @Test
  void a_damaged_case_row_is_reported_in_words_naming_the_suite_and_the_case() {
    TestSuite suite = suites.createSuite("smoke", "");
    suites.addCases(suite.id(), List.of(Samples.testCase("c1", "refund request")));
    RawSqlite.execute(file, "UPDATE cases SET messages_json = '[{\"role\": 7' WHERE id = 'c1'");

    assertThatThrownBy(() -> suites.findSuite(suite.id()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("test suite")
        .hasMessageContaining("test case 'refund request': its stored messages cannot be read")
        .hasMessageNotContaining("com.fasterxml")
        .hasMessageNotContaining("MessageJson");
  }

  @Test
  void suites_are_listed_in_creation_order_with_their_case_counts() {
    TestSuite zebra = suites.createSuite("zebra", "made first");
    TestSuite alpha = suites.createSuite("alpha", "");
    suites.addCases(zebra.id(), Samples.testCases("z", 3));

    assertThat(suites.listSuites())
        .containsExactly(
            new SuiteSummary(zebra.id(), "zebra", "made first", 3),
            new SuiteSummary(alpha.id(), "alpha", "", 0));
  }

  @Test
  void a_suite_comes_back_with_every_case_field_in_order() {
    TestSuite suite = suites.createSuite("smoke", "quick checks");
    List<TestCase> cases = Samples.testCases("c", 5);
    suites.addCases(suite.id(), cases);

    var expected = new TestSuite(suite.id(), "smoke", "quick checks", cases);
    assertThat(suites.findSuite(suite.id())).contains(expected);
    assertThat(suites.findSuiteByName("smoke")).contains(expected);
  }

  @Test
  void unknown_suites_are_not_found() {
    assertThat(suites.findSuite("nope")).isEmpty();
    assertThat(suites.findSuiteByName("nope")).isEmpty();
  }

  @Test
  void created_suite_is_returned_empty_and_a_null_description_becomes_empty() {
    TestSuite suite = suites.createSuite("smoke", null);

    assertThat(suite.cases()).isEmpty();
    assertThat(suites.findSuite(suite.id()))
        .contains(new TestSuite(suite.id(), "smoke", "", List.of()));
  }

  @Test
  void suite_names_are_unique_and_not_blank() {
    suites.createSuite("smoke", "");

    assertThatThrownBy(() -> suites.createSuite("smoke", "again"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a test suite named 'smoke' already exists");
    assertThatThrownBy(() -> suites.createSuite("  ", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a test suite needs a name");
    assertThat(suites.listSuites()).hasSize(1);
  }

  @Test
  void renaming_changes_name_and_description_but_not_to_a_taken_name() {
    TestSuite smoke = suites.createSuite("smoke", "");
    suites.createSuite("nightly", "");

    suites.renameSuite(smoke.id(), "smoke", "now with a description");
    suites.renameSuite(smoke.id(), "quick", "renamed");

    assertThat(suites.findSuite(smoke.id()).orElseThrow())
        .extracting(TestSuite::name, TestSuite::description)
        .containsExactly("quick", "renamed");
    assertThatThrownBy(() -> suites.renameSuite(smoke.id(), "nightly", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a test suite named 'nightly' already exists");
    assertThatThrownBy(() -> suites.renameSuite("nope", "other", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("there is no test suite with id 'nope'");
  }

  @Test
  void added_cases_go_after_the_existing_ones() {
    TestSuite suite = suites.createSuite("smoke", "");
    suites.addCases(suite.id(), Samples.testCases("first", 2));
    suites.addCases(suite.id(), Samples.testCases("second", 2));

    assertThat(suites.findSuite(suite.id()).orElseThrow().cases())
        .extracting(TestCase::id)
        .containsExactly("first-0", "first-1", "second-0", "second-1");
  }

  @Test
  void cases_for_an_unknown_suite_are_refused() {
    assertThatThrownBy(() -> suites.addCases("nope", Samples.testCases("c", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("there is no test suite with id 'nope'");
  }

  @Test
  void a_case_id_repeated_in_one_import_is_refused_naming_both_positions() {
    TestSuite suite = suites.createSuite("smoke", "");
    var cases = new ArrayList<>(Samples.testCases("c", 3));
    cases.add(Samples.testCase("c-1", "again"));

    assertThatThrownBy(() -> suites.addCases(suite.id(), cases))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cases[3] has the id 'c-1' of cases[1]; ids must be unique");
    assertThat(RawSqlite.count(file, "cases")).isZero();
  }

  @Test
  void an_import_reusing_a_stored_case_id_stores_nothing() {
    TestSuite first = suites.createSuite("first", "");
    TestSuite second = suites.createSuite("second", "");
    suites.addCases(first.id(), Samples.testCases("c", 2));
    var cases = new ArrayList<>(Samples.testCases("new", 100));
    cases.add(Samples.testCase("c-1", "clash"));

    assertThatThrownBy(() -> suites.addCases(second.id(), cases))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "case id 'c-1' is already used by a case of test suite 'first'; ids must be unique");
    assertThat(suites.findSuite(second.id()).orElseThrow().cases()).isEmpty();
    assertThat(RawSqlite.count(file, "cases")).isEqualTo(2);
  }

  @Test
  void importing_into_a_named_suite_creates_it_and_appends_in_one_transaction() {
    TestSuite created =
        suites.addCasesToSuiteNamed("smoke", "from a file", Samples.testCases("a", 2));
    TestSuite extended = suites.addCasesToSuiteNamed("smoke", "ignored", Samples.testCases("b", 3));

    assertThat(created.cases()).hasSize(2);
    assertThat(extended.id()).isEqualTo(created.id());
    assertThat(extended.description()).isEqualTo("from a file");
    assertThat(extended.cases()).hasSize(5);
  }

  @Test
  void a_failed_import_into_a_new_suite_leaves_no_suite_behind() {
    TestSuite stored = suites.createSuite("first", "");
    List<TestCase> cases = Samples.testCases("c", 3);
    suites.addCases(stored.id(), cases);

    // The case ids are taken: found after the new suite's row was written, inside the transaction.
    assertThatThrownBy(() -> suites.addCasesToSuiteNamed("second", "", cases))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(suites.findSuiteByName("second")).isEmpty();
    assertThat(suites.listSuites()).extracting(SuiteSummary::name).containsExactly("first");
  }

  @Test
  void updating_a_case_replaces_its_content_and_keeps_its_place() {
    TestSuite suite = suites.createSuite("smoke", "");
    suites.addCases(suite.id(), Samples.testCases("c", 3));
    var edited =
        new TestCase(
            "c-1",
            "renamed",
            List.of("new-tag"),
            "",
            List.of(CaseMessage.user("different question", "math")));

    suites.updateCase(suite.id(), edited);

    assertThat(suites.findSuite(suite.id()).orElseThrow().cases())
        .containsExactly(
            Samples.testCases("c", 3).get(0), edited, Samples.testCases("c", 3).get(2));
  }

  @Test
  void updating_a_case_the_suite_does_not_have_is_refused() {
    TestSuite first = suites.createSuite("first", "");
    TestSuite second = suites.createSuite("second", "");
    suites.addCases(first.id(), Samples.testCases("c", 1));

    assertThatThrownBy(() -> suites.updateCase(second.id(), Samples.testCase("c-0", "moved")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test suite " + second.id() + " has no case with id 'c-0'");
    assertThat(suites.findSuite(first.id()).orElseThrow().cases())
        .containsExactly(Samples.testCases("c", 1).get(0));
  }

  @Test
  void deleting_a_case_keeps_the_order_of_the_others_and_later_additions_go_last() {
    TestSuite suite = suites.createSuite("smoke", "");
    suites.addCases(suite.id(), Samples.testCases("c", 3));

    suites.deleteCase(suite.id(), "c-2");
    suites.deleteCase(suite.id(), "c-0");
    suites.deleteCase(suite.id(), "not-there");
    suites.addCases(suite.id(), Samples.testCases("d", 1));

    assertThat(suites.findSuite(suite.id()).orElseThrow().cases())
        .extracting(TestCase::id)
        .containsExactly("c-1", "d-0");
    assertThat(RawSqlite.column(file, "SELECT DISTINCT case_id FROM case_tags ORDER BY case_id"))
        .containsExactly("c-1", "d-0");
  }

  @Test
  void deleting_a_suite_removes_it_and_deleting_it_again_does_nothing() {
    TestSuite suite = suites.createSuite("smoke", "");
    suites.addCases(suite.id(), Samples.testCases("c", 2));

    suites.deleteSuite(suite.id());
    suites.deleteSuite(suite.id());

    assertThat(suites.listSuites()).isEmpty();
    assertThat(suites.findSuite(suite.id())).isEmpty();
    assertThat(RawSqlite.count(file, "cases")).isZero();
  }
}
