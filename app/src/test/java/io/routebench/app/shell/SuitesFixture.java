package io.routebench.app.shell;

import io.routebench.app.Workbench;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.suites.CaseRow;
import io.routebench.app.workspace.SqliteWorkspaceStore;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.core.suite.TestSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workbench, started as in production with SQLite workspaces, for the Suites tab tests.
 */
abstract class SuitesFixture extends FxRobot {

  @TempDir Path home;
  Stage stage;
  Workbench workbench;

  @BeforeEach
  void startWorkbench() throws Exception {
    FxToolkit.registerPrimaryStage();
    var paths =
        new AppPaths(
            home,
            home.resolve("workspaces"),
            home.resolve("models"),
            home.resolve("logs"),
            home.resolve("settings.json"));
    var options =
        new Workbench.Options(
            paths,
            new SqliteWorkspaceStore(paths.lockDir()),
            Optional.empty(),
            home.resolve("logs/test.log"),
            () -> {});
    interact(
        () -> {
          stage = new Stage();
          stage.setWidth(1280);
          stage.setHeight(860);
          workbench = Workbench.start(stage, options);
        });
    waitUntil(() -> workbench.workspaces().current().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void stopWorkbench() throws Exception {
    interact(
        () -> {
          workbench.shutdown();
          stage.close();
        });
  }

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

  WorkspaceSession session() {
    return workbench.workspaces().current().orElseThrow();
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
