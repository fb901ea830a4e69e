package io.routebench.app.shell;

import io.routebench.app.suites.CaseRow;
import io.routebench.core.suite.TestSuite;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.util.WaitForAsyncUtils;

/** The real workbench of {@link WorkbenchFixture}, with the look-ups the Suites tab tests share. */
abstract class SuitesFixture extends WorkbenchFixture {

  /** Types one message in the playtest (no model: no route yet) and saves it as a case. */
  void saveAPlaytestCase(String name, String expectedRoute) throws Exception {
    openTab("Playtest");
    clickOn("#playtestDraft").write("Write a Rust function that parses ISO dates");
    push(KeyCode.CONTROL, KeyCode.ENTER);
    interact(
        () ->
            workbench
                .window()
                .workspacePane()
                .playtest()
                .cases()
                .saveAsTestCase("Playtests", name, List.of(expectedRoute)));
    waitUntil(() -> lookup("#playtestSaveOutcome").queryLabeled().getText().startsWith("Saved"));
  }

  /** Clicks a tab's header: a plain text lookup could hit a button with the same words. */
  void openTab(String title) {
    clickOn(
        lookup(".tab-header-area .tab-label")
            .match(n -> n instanceof javafx.scene.control.Label l && l.getText().equals(title))
            .queryAs(javafx.scene.Node.class));
  }

  /**
   * The stored first expected route of the Playtests suite's first case, read on the file thread.
   */
  String storedExpectedRoute() throws Exception {
    var result = new java.util.concurrent.CompletableFuture<String>();
    interact(
        () ->
            session()
                .fileTasks()
                .execute(
                    io.routebench.app.tasks.BackgroundTask.of(
                            "read",
                            p -> {
                              TestSuite suite =
                                  session()
                                      .file()
                                      .suites()
                                      .findSuiteByName("Playtests")
                                      .orElseThrow();
                              return suite.cases().get(0).messages().get(0).expectedRoute();
                            })
                        .onSuccess(result::complete)
                        .onFailure(result::completeExceptionally)));
    return result.get(10, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  List<CaseRow> caseRows() {
    return List.copyOf(lookup("#casesTable").queryAs(TableView.class).getItems());
  }

  List<String> caseNames() {
    return caseRows().stream().map(CaseRow::name).toList();
  }

  TableRow<?> caseRow(String name) {
    return lookup("#casesTable .table-row-cell")
        .match(
            row ->
                row instanceof TableRow<?> r
                    && r.getItem() instanceof CaseRow c
                    && c.name().equals(name))
        .queryAs(TableRow.class);
  }

  static void waitUntil(Callable<Boolean> condition) throws java.util.concurrent.TimeoutException {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
  }
}
