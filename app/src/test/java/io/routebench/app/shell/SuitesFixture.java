package io.routebench.app.shell;

import io.routebench.app.suites.CaseRow;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * Stores a suite "smoke" of three cases and two finished runs of it (the second worse), as if run
   * with Arch-Router, and shows it.
   */
  void storeSuiteWithTwoRuns() throws Exception {
    var cases = new ArrayList<TestCase>();
    String[] routes = {"code generation", "debugging", "other"};
    for (int c = 0; c < routes.length; c++) {
      cases.add(
          new TestCase(
              "case-" + c,
              "A case with a fairly long name, number " + c,
              List.of("smoke", "regression"),
              "",
              List.of(
                  CaseMessage.user("Please write a parser for ISO dates, case " + c, routes[c]),
                  CaseMessage.assistant("Sure, here it is."),
                  CaseMessage.user("And now the tests for it, please", routes[c]))));
    }
    onFileThread(
        () -> {
          TestSuite suite = session().file().suites().createSuite("smoke", "");
          session().file().suites().addCases(suite.id(), cases);
          session().file().runs().save(run(suite.id(), cases, "run-1", 1, "code generation"));
          session().file().runs().save(run(suite.id(), cases, "run-2", 2, "debugging"));
          return null;
        });
    interact(() -> workbench.window().workspacePane().suites().suites().reload());
  }

  /** Every turn answered {@code answer}: three of four right, then fewer. */
  private RegressionRun run(
      String suiteId, List<TestCase> cases, String id, int day, String answer) {
    var results = new ArrayList<TurnResult>();
    for (TestCase testCase : cases) {
      List<Integer> turns = testCase.userTurnIndexes();
      for (int t = 0; t < turns.size(); t++) {
        String expected = testCase.messages().get(turns.get(t)).expectedRoute();
        String actual = t == 0 ? expected : answer;
        results.add(
            new TurnResult(
                testCase.id(),
                testCase.name(),
                t,
                turns.get(t),
                expected,
                actual,
                actual.equals("other") ? DecisionOutcome.OTHER : DecisionOutcome.MATCHED,
                "{\"route\": \"" + actual + "\"}",
                120,
                300,
                0,
                List.of()));
      }
    }
    return new RegressionRun(
        id,
        suiteId,
        "smoke",
        new EngineIdentity(
            "llama.cpp", "Arch-Router-1.5B-Q4_K_M.gguf", "", document().profile(), Map.of()),
        Instant.parse("2026-01-0" + day + "T10:00:00Z"),
        4_000,
        RunStatus.COMPLETED,
        "",
        results,
        document());
  }
}
