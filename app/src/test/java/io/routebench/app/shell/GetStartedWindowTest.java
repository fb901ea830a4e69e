package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.Workbench;
import io.routebench.inference.download.HubSettings;
import io.routebench.inference.download.LoopbackHub;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new user's first minutes: the first-run panel, and Arch-Router fetched from a loopback Hugging
 * Face (the hub URL is the system property mirrors use) and loaded into the Playtest.
 */
class GetStartedWindowTest extends FxRobot {

  private static final String FILE = "Arch-Router-1.5B-Q4_K_M.gguf";

  @TempDir Path home;
  @TempDir Path fixtures;
  private Stage stage;
  private Workbench workbench;
  private LoopbackHub hub;
  private byte[] model;

  @BeforeEach
  void startWorkbench() throws Exception {
    model = Files.readAllBytes(TinyGgufModels.tinyQwen(fixtures));
    hub = new LoopbackHub().serving(FILE, model, "\"v1\"");
    System.setProperty(HubSettings.BASE_URL_PROPERTY, hub.baseUrl().toString());
    start();
  }

  private void start() throws Exception {
    FxToolkit.registerPrimaryStage();
    var options = WorkbenchFixture.optionsIn(home);
    interact(
        () -> {
          stage = new Stage();
          workbench = Workbench.start(stage, options);
        });
    waitUntil(() -> workbench.workspaces().current().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void stop() {
    interact(
        () -> {
          var dialog = workbench.window().getArchRouterDialog();
          if (dialog != null) {
            dialog.stage().close();
          }
          workbench.shutdown();
          stage.close();
        });
  }

  @AfterEach
  void stopWorkbench() {
    stop();
    System.clearProperty(HubSettings.BASE_URL_PROPERTY);
    hub.close();
  }

  @Test
  void the_first_run_panel_shows_until_dismissed_and_stays_dismissed_after_a_restart()
      throws Exception {
    assertThat(lookup("#firstRunPanel").query().isVisible()).isTrue();

    clickOn("#dismissFirstRunButton");

    assertThat(lookup("#firstRunPanel").tryQuery()).isEmpty();
    stop();
    start();
    assertThat(lookup("#firstRunPanel").tryQuery()).isEmpty();

    interact(() -> workbench.window().gettingStarted());
    assertThat(lookup("#firstRunPanel").query().isVisible()).isTrue();
  }

  @Test
  void get_arch_router_downloads_the_verified_model_and_loads_it_into_the_playtest()
      throws Exception {
    clickOn("#firstRunGetModelLink");
    waitUntil(() -> lookup("#quantChoice").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    ComboBox<?> quant = lookup("#quantChoice").queryAs(ComboBox.class);
    waitUntil(() -> quant.getValue() != null && !quant.getButtonCell().getText().isEmpty());
    assertThat(quant.getButtonCell().getText())
        .isEqualTo("Q4_K_M — " + sizeLabel() + " (recommended)");
    Button download = lookup("#startDownloadButton").queryButton();
    assertThat(download.isDisabled()).as("the licence is not accepted yet").isTrue();

    clickOn("#acceptLicenceBox");
    clickOn(download);
    waitUntil(() -> lookup("#loadDownloadedButton").queryButton().isVisible());

    Path downloaded = home.resolve("models").resolve(FILE);
    assertThat(Files.readAllBytes(downloaded)).isEqualTo(model);
    assertThat(lookup("#downloadProgressText").queryLabeled().getText()).startsWith("Verified: ");

    clickOn("#loadDownloadedButton");
    waitUntil(() -> workbench.router().loadedProperty().get() != null);
    assertThat(workbench.router().loadedProperty().get().file()).isEqualTo(downloaded);
    TabPane tabs = lookup(".tab-pane").queryAs(TabPane.class);
    assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("playtestTab");
  }

  @Test
  void the_playtest_model_bar_and_the_help_menu_open_get_arch_router_too() throws Exception {
    clickOn("Playtest");
    clickOn("#getArchRouterLink");
    waitUntil(
        () ->
            workbench.window().getArchRouterDialog() != null
                && workbench.window().getArchRouterDialog().isShowing());
    var first = workbench.window().getArchRouterDialog();

    MenuItem help = WorkbenchFixture.menuItem(this, "getArchRouterMenuItem");
    interact(help::fire);

    assertThat(workbench.window().getArchRouterDialog()).as("one window at a time").isSameAs(first);
    assertThat(WorkbenchFixture.menuItem(this, "gettingStartedMenuItem").getText())
        .isEqualTo("Getting _Started");
  }

  private String sizeLabel() {
    return io.routebench.app.download.DownloadText.size(model.length);
  }

  private static void waitUntil(Callable<Boolean> condition)
      throws java.util.concurrent.TimeoutException {
    // Generous: loading a model on a busy machine may take a while; no figure is asserted.
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }
}
