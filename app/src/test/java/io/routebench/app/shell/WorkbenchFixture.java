package io.routebench.app.shell;

import io.routebench.app.Workbench;
import io.routebench.app.playtest.PlaytestViewModel;
import io.routebench.app.playtest.Turn;
import io.routebench.app.playtest.TurnState;
import io.routebench.app.settings.AppPaths;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.workspace.SqliteWorkspaceStore;
import io.routebench.app.workspace.WorkspaceSession;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workbench in a temporary home, started as a new user's first start (the sample taxonomy
 * in a first workspace), with the look-ups the window tests share.
 */
abstract class WorkbenchFixture extends FxRobot {

  @TempDir Path home;
  Stage stage;
  Workbench workbench;

  @BeforeEach
  void startWorkbench() throws Exception {
    FxToolkit.registerPrimaryStage();
    var options = optionsIn(home);
    interact(() -> openWorkbench(options));
    waitUntilOpen();
  }

  @AfterEach
  void stopWorkbench() throws Exception {
    interact(this::closeWorkbench);
  }

  /** Quits the workbench and starts it again on the same home, as the user's next start. */
  void restartWorkbench() throws Exception {
    var options = optionsIn(home);
    interact(
        () -> {
          closeWorkbench();
          openWorkbench(options);
        });
    waitUntilOpen();
  }

  private void openWorkbench(Workbench.Options options) {
    stage = new Stage();
    stage.setWidth(1280);
    stage.setHeight(900);
    workbench = Workbench.start(stage, options);
  }

  private void closeWorkbench() {
    workbench.shutdown();
    stage.close();
  }

  private void waitUntilOpen() throws TimeoutException {
    waitUntil(() -> workbench.workspaces().current().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The workbench wired as in production (SQLite workspaces), everything under {@code home}. */
  static Workbench.Options optionsIn(Path home) {
    var paths =
        new AppPaths(
            home,
            home.resolve("workspaces"),
            home.resolve("models"),
            home.resolve("logs"),
            home.resolve("settings.json"));
    return new Workbench.Options(
        paths,
        new SqliteWorkspaceStore(paths.lockDir()),
        Optional.empty(),
        home.resolve("logs/test.log"),
        () -> {});
  }

  /** The menu bar's item {@code id}, in whichever menu it is. */
  static MenuItem menuItem(FxRobot robot, String id) {
    MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
    return bar.getMenus().stream()
        .flatMap(menu -> menu.getItems().stream())
        .filter(item -> id.equals(item.getId()))
        .findFirst()
        .orElseThrow();
  }

  /** The smallest window the workbench is laid out for. */
  void useSmallestWindow() {
    interact(
        () -> {
          stage.setWidth(1024);
          stage.setHeight(640);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  WorkspaceSession session() {
    return workbench.workspaces().current().orElseThrow();
  }

  PolicyDocument document() {
    return session().editor().document();
  }

  Action action(String name) {
    return document().taxonomy().domains().stream()
        .flatMap(d -> d.actions().stream())
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  List<String> treeLabels() {
    return lookup("#taxonomyTree .tree-cell .label").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .toList();
  }

  void selectInTree(String name) {
    clickOn(
        lookup("#taxonomyTree .tree-cell .label")
            .match(label -> label instanceof Label l && l.getText().equals(name))
            .queryLabeled());
  }

  /** Loads the tiny test model into the shared router and waits until it is ready. */
  void loadTinyModel() throws Exception {
    loadModel(TinyGgufModels.tinyQwen(home.resolve("models")));
  }

  /** Loads {@code model} into the shared router and waits until it is ready. */
  void loadModel(Path model) throws Exception {
    interact(() -> workbench.router().load(model, failure -> {}));
    // The router is set a moment before loading ends (both on the FX thread): wait for both.
    waitUntil(
        () ->
            workbench.router().loadedProperty().get() != null
                && !workbench.router().loadingProperty().get());
  }

  /** Runs {@code work} on the workspace file's thread (where its suites and runs may be used). */
  <T> T onFileThread(Callable<T> work) throws Exception {
    var result = new CompletableFuture<T>();
    interact(
        () ->
            session()
                .fileTasks()
                .execute(
                    BackgroundTask.of("test", p -> work.call())
                        .onSuccess(result::complete)
                        .onFailure(result::completeExceptionally)));
    return result.get(10, TimeUnit.SECONDS);
  }

  /** File ▸ Import Policies on {@code file}, up to its preview (Import / Cancel). */
  void openImportPreview(Path file) throws TimeoutException {
    interact(() -> workbench.window().transfers().importFrom(file));
    waitUntil(() -> lookup("#importConfirmButton").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Imports {@code file} as a user does: File ▸ Import Policies, then Import in the preview. */
  void importPolicies(Path file) throws TimeoutException {
    openImportPreview(file);
    clickOn("#importConfirmButton");
  }

  /** The playtest of the workspace shown. */
  PlaytestViewModel playtest() {
    return workbench.window().workspacePane().playtest();
  }

  /** Sends {@code message} as the user and waits for its route. */
  Turn send(String message) throws Exception {
    clickOn(this.<Node>showing("#playtestDraft")).write(message);
    push(KeyCode.CONTROL, KeyCode.ENTER);
    int index = playtest().conversation().turns().size() - 1;
    waitUntil(() -> playtest().conversation().turns().get(index).state() == TurnState.DECIDED);
    // Read off the FX thread: let it finish telling the window about the decision first.
    WaitForAsyncUtils.waitForFxEvents();
    return playtest().conversation().turns().get(index);
  }

  /** Every target of the workspace served at {@code baseUrl}, without a key. */
  void everyTargetAt(String baseUrl) {
    interact(
        () ->
            session()
                .editor()
                .apply(
                    "serve targets",
                    document ->
                        document.withTargets(
                            document.targets().stream()
                                .map(
                                    t ->
                                        new ModelTarget(
                                            t.model(),
                                            t.displayName(),
                                            baseUrl,
                                            null,
                                            t.isDefault(),
                                            t.providerInterface(),
                                            t.extrasJson()))
                                .toList())));
  }

  /** The node of {@code query} on the tab shown (the taxonomy tab has its own of each). */
  @SuppressWarnings("unchecked")
  <T extends Node> T showing(String query) {
    return (T) lookup(query).match(WorkbenchFixture::shown).query();
  }

  /** Whether {@code node} is in a scene and it and every parent are visible. */
  static boolean shown(Node node) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (!at.isVisible()) {
        return false;
      }
    }
    return Objects.nonNull(node.getScene());
  }

  static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    waitUntil(60, condition);
  }

  static void waitUntil(long seconds, Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
  }
}
