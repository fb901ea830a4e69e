package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.testing.LayoutProblems;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.inference.download.HubSettings;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every tab and dialog of the workbench on the smallest screen it is laid out for, 1024×640, in the
 * light and the dark theme: no text cut to "…", no list or text area squeezed to nothing, no button
 * off the edge of its window, no dialog larger than the screen.
 */
class SmallScreenLayoutTest extends SuitesFixture {

  private static final double SCREEN_WIDTH = 1024;
  private static final double SCREEN_HEIGHT = 640;

  /**
   * Problems in the Playtest tab that engineer H1 fixes on the playtest branch (issue 17), left out
   * here until that branch is merged. THE LEAD REMOVES THIS EXCEPTION AT MERGE: each entry names
   * the node (and text) of one known problem; nothing else is left out.
   */
  /** None: every screen, the Playtest tab included, must read whole. */
  private static final Set<String> KNOWN_PLAYTEST_PROBLEMS = Set.of();

  /** What each screen (tab, page, dialog) showed that a user could not read. */
  private final Map<String, List<String>> problems = new LinkedHashMap<>();

  @AfterEach
  void backToTheLightTheme() {
    // The theme is the application's: later tests in this JVM expect the light one.
    interact(() -> Theme.LIGHT.apply());
    System.clearProperty(HubSettings.BASE_URL_PROPERTY);
  }

  @Test
  void every_tab_and_dialog_is_readable_at_1024x640_in_the_light_theme() throws Exception {
    checkEveryScreen(false);
  }

  @Test
  void every_tab_and_dialog_is_readable_at_1024x640_in_the_dark_theme() throws Exception {
    checkEveryScreen(true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void checkEveryScreen(boolean dark) throws Exception {
    interact(() -> workbench.window().useDarkTheme(dark));
    useSmallestWindow();
    openTab("Suites");
    check("Suites tab, no suites yet");
    storeSuiteWithTwoRuns();
    loadModel(TinyGgufModels.answeringRoute(home.resolve("models"), "debugging"));

    openTab("Taxonomy");
    selectInTree("coding");
    check("Taxonomy tab, a domain selected");
    selectInTree("code generation");
    check("Taxonomy tab, an action selected");

    openTab("Targets");
    check("Targets tab");
    interact(
        () -> {
          TableView<?> table = lookup("#targetsTable").queryTableView();
          table.getSelectionModel().select(1);
          table.edit(1, (TableColumn) table.getColumns().get(3));
        });
    write("sk-proj-abcdefghijklmnopqrstuvwxyz0123456789").push(KeyCode.ENTER);
    waitUntil(() -> lookup("#refusedEditLabel").queryLabeled().isVisible());
    check("Targets tab, a secret refused");

    openTab("Proxy");
    check("Proxy tab");

    openTab("Playtest");
    check("Playtest tab");

    openTab("Suites");
    waitUntil(() -> !caseNames().isEmpty());
    clickOn(caseRow(caseNames().get(0)));
    check("Suites tab, a case open");
    openTab("Run");
    waitUntil(() -> lookup("#metricOverall").tryQuery().isPresent());
    check("Suites ▸ Run");
    checkDialog(
        "Save run report: compare with", () -> lookup("#saveRunReportButton").queryButton().fire());
    openTab("History");
    waitUntil(() -> lookup("#historyTable").queryTableView().getItems().size() == 2);
    check("Suites ▸ History");
    openTab("Coverage");
    check("Suites ▸ Coverage");

    Path policies =
        Files.writeString(
            home.resolve("team.policy.yaml"),
            PolicyDocumentYaml.write(Documents.codingAndWriting()));
    checkDialog("Import preview", () -> workbench.window().transfers().importFrom(policies));
    checkDialog("Export", () -> workbench.window().openExport(ExportFormat.ARCHGW));
    checkDialog("Check Policy Collisions", () -> workbench.window().checkCollisions());
    checkDialog("Engine Settings", () -> workbench.window().engineSettings());
    checkDialog("Connect to a Router Server", () -> workbench.window().connectRouterServer());
    checkDialog(
        "Model card",
        () ->
            workbench
                .window()
                .modelBar()
                .offerToLoad(TinyGgufModels.tinyQwen(home.resolve("models"))));
    checkDialog("About", () -> workbench.window().about());
    // No network: the listing fails, and its message must leave the buttons on the window.
    System.setProperty(HubSettings.BASE_URL_PROPERTY, "http://127.0.0.1:9");
    checkDialog(
        "Get Arch-Router without a network",
        () -> workbench.window().getArchRouter(),
        () -> !lookup("#downloadMessage").queryLabeled().getText().isEmpty());
    openTab("Targets");
    clickOn(lookup("#targetsTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
    checkDialog("Remove a target in use", () -> lookup("#removeTargetButton").queryButton().fire());
    openTab("Suites");
    openTab("Cases");
    checkDialog("New suite", () -> lookup("#newSuiteButton").queryButton().fire());
    openTab("Playtest");
    clickOn("#playtestDraft").write("Write a Rust function that parses ISO dates");
    push(KeyCode.CONTROL, KeyCode.ENTER);
    checkDialog("Save as test case", () -> lookup("#playtestSaveButton").queryButton().fire());

    interact(() -> workbench.window().closeWorkspace());
    waitUntil(() -> workbench.workspaces().current().isEmpty());
    check("Welcome screen");

    assertThat(problems).as(dark ? "dark theme" : "light theme").isEmpty();
  }

  /** Records the problems of the main window as it is now. */
  private void check(String screen) {
    WaitForAsyncUtils.waitForFxEvents();
    var found = new AtomicReference<List<String>>();
    interact(() -> found.set(LayoutProblems.of(stage, KNOWN_PLAYTEST_PROBLEMS)));
    if (!found.get().isEmpty()) {
      problems.put(screen, found.get());
    }
  }

  private void checkDialog(String screen, Runnable open) throws Exception {
    checkDialog(screen, open, () -> true);
  }

  /**
   * Opens a dialog (later, so that one shown and waited for does not block the test), waits until
   * it shows and {@code ready}, records its problems and whether it fits the screen, and closes it.
   */
  private void checkDialog(
      String screen, Runnable open, java.util.concurrent.Callable<Boolean> ready) throws Exception {
    var before = new AtomicReference<Set<Window>>();
    interact(() -> before.set(new HashSet<>(Window.getWindows())));
    Platform.runLater(open);
    var dialog = new AtomicReference<Window>();
    waitUntil(
        () -> {
          interact(
              () ->
                  Window.getWindows().stream()
                      .filter(w -> w.isShowing() && !before.get().contains(w))
                      .filter(w -> w instanceof Stage)
                      .findFirst()
                      .ifPresent(dialog::set));
          return dialog.get() != null;
        });
    waitUntil(ready);
    WaitForAsyncUtils.waitForFxEvents();
    var found = new ArrayList<String>();
    interact(
        () -> {
          Window window = dialog.get();
          found.addAll(LayoutProblems.of(window, KNOWN_PLAYTEST_PROBLEMS));
          if (window.getWidth() > SCREEN_WIDTH || window.getHeight() > SCREEN_HEIGHT) {
            found.add(
                "the window is "
                    + Math.round(window.getWidth())
                    + "×"
                    + Math.round(window.getHeight())
                    + ", larger than the screen");
          }
        });
    if (!found.isEmpty()) {
      problems.put(screen, found);
    }
    interact(() -> close(dialog.get()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Cancels a dialog as its Cancel (or only) button does; closes any other window. */
  private static void close(Window window) {
    if (window.getScene().getRoot() instanceof DialogPane pane) {
      ButtonType choice =
          pane.getButtonTypes().stream()
              .filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)
              .findFirst()
              .orElse(pane.getButtonTypes().get(0));
      ((Button) pane.lookupButton(choice)).fire();
    } else {
      ((Stage) window).close();
    }
  }
}
