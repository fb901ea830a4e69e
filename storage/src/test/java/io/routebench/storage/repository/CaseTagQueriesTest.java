package io.routebench.storage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.suite.TestSuite;
import io.routebench.storage.Samples;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import io.routebench.storage.repository.CaseTagQueries.TagCount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTagQueriesTest {

  @TempDir Path dir;
  private Workspace workspace;
  private TestSuite suite;

  @BeforeEach
  void createWorkspace() {
    workspace = WorkspaceFile.create(dir.resolve("tags.routebench"));
    suite = workspace.suites().createSuite("smoke", "");
    workspace
        .suites()
        .addCases(
            suite.id(),
            List.of(
                Samples.testCase("c-1", "one", "coding", "multi-turn"),
                Samples.testCase("c-2", "two", "writing"),
                Samples.testCase("c-3", "three", "coding", "coding"),
                Samples.testCase("c-4", "four")));
    TestSuite other = workspace.suites().createSuite("other", "");
    workspace
        .suites()
        .addCases(other.id(), List.of(Samples.testCase("o-1", "elsewhere", "coding")));
  }

  @AfterEach
  void closeWorkspace() {
    workspace.close();
  }

  @Test
  void tags_are_counted_per_case_within_the_suite() {
    assertThat(workspace.caseTags().tagCounts(suite.id()))
        .containsExactly(
            new TagCount("coding", 2), new TagCount("multi-turn", 1), new TagCount("writing", 1));
  }

  @Test
  void cases_carrying_a_tag_come_in_suite_order_once_each() {
    assertThat(workspace.caseTags().caseIdsTagged(suite.id(), "coding"))
        .containsExactly("c-1", "c-3");
    assertThat(workspace.caseTags().caseIdsTagged(suite.id(), "Coding")).isEmpty();
  }

  @Test
  void edits_and_deletions_are_reflected_at_once() {
    workspace.suites().updateCase(suite.id(), Samples.testCase("c-2", "two", "coding"));
    workspace.suites().deleteCase(suite.id(), "c-1");

    assertThat(workspace.caseTags().caseIdsTagged(suite.id(), "coding"))
        .containsExactly("c-2", "c-3");
    assertThat(workspace.caseTags().tagCounts(suite.id()))
        .containsExactly(new TagCount("coding", 2));
  }
}
