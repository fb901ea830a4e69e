package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The model offered as "Load … again" and among the recent ones is the last one that loaded, not
 * the last one tried.
 */
class RouterModelBarTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final LlamaCppLoader llamaCpp =
      new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(2048));
  private final LocalRouter router =
      new LocalRouter(llamaCpp::load, new CurrentThreadTaskExecutor());
  private SettingsStore settings;
  private Stage stage;

  @BeforeEach
  void start() throws Exception {
    stage = FxToolkit.registerPrimaryStage();
    settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
  }

  @AfterEach
  void stop() throws Exception {
    interact(router::unload);
    scheduler.shutdownNow();
    FxToolkit.hideStage();
  }

  @Test
  void in_a_narrow_playtest_the_buttons_wrap_and_the_model_line_stays_one_line() {
    var barRoot = new Node[1];
    interact(
        () -> {
          var bar = new RouterModelBar(router, settings, errors, dir);
          bar.offerServers(new CurrentThreadTaskExecutor());
          bar.offerDownload(() -> {});
          barRoot[0] = bar.root();
          // What the playtest gets of a 1024-pixel window beside the tree and Getting started.
          var pane = new StackPane(bar.root());
          pane.setMaxWidth(430);
          stage.setScene(new Scene(new HBox(pane), 1024, 640));
          stage.show();
        });

    Label model = lookup("#routerModelLabel").queryAs(Label.class);
    Node unload = lookup("#unloadRouterModelButton").query();
    Bounds paneBounds = barRoot[0].localToScene(barRoot[0].getLayoutBounds());
    assertThat(unload.localToScene(unload.getLayoutBounds()).getMaxX())
        .isLessThanOrEqualTo(paneBounds.getMaxX());
    assertThat(model.getHeight()).isLessThan(2 * model.getFont().getSize() * 1.5);
  }

  @Test
  void only_a_model_that_loaded_is_remembered() {
    Path good = TinyGgufModels.tinyQwen(dir.resolve("models"));
    Path broken = TinyGgufModels.notAGguf(dir.resolve("models"));
    var bar = new RouterModelBar[1];
    interact(
        () -> {
          bar[0] = new RouterModelBar(router, settings, errors, dir);
          stage.setScene(new Scene(new StackPane(bar[0].root()), 1024, 640));
          stage.show();
        });

    interact(() -> bar[0].load(good));
    assertThat(router.loadedProperty().get()).isNotNull();
    assertThat(settings.current().lastModelPath()).isEqualTo(good);

    interact(() -> bar[0].load(broken));

    assertThat(errors.shown()).hasSize(1);
    assertThat(settings.current().lastModelPath()).isEqualTo(good);

    interact(router::unload);
    var again = lookup("#reloadRouterModelLink").queryAs(Hyperlink.class);
    assertThat(again.getText()).isEqualTo("Load tiny-qwen2.gguf again");
    assertThat(again.isVisible()).isTrue();
    clickOn(again);
    assertThat(router.loadedProperty().get().file()).isEqualTo(good);
    assertThat(again.isVisible()).isFalse();
  }

  @Test
  void recent_models_list_those_that_loaded_most_recent_first_and_missing_ones_disabled()
      throws Exception {
    Path first = TinyGgufModels.tinyQwen(dir.resolve("models"));
    Path second = TinyGgufModels.tinyQwenWithoutTemplate(dir.resolve("models"));
    Path gone = dir.resolve("elsewhere/gone.gguf");
    settings.update(s -> s.withLoadedModel(gone));
    Path broken = TinyGgufModels.notAGguf(dir.resolve("models"));
    var bar = new RouterModelBar[1];
    interact(
        () -> {
          bar[0] = new RouterModelBar(router, settings, errors, dir);
          stage.setScene(new Scene(new StackPane(bar[0].root())));
          stage.show();
        });
    interact(() -> bar[0].load(first));
    interact(() -> bar[0].load(second));
    interact(() -> bar[0].load(broken));

    var menu = lookup("#loadRouterModelButton").queryAs(MenuButton.class);
    interact(menu::show);

    assertThat(menu.getItems())
        .extracting(MenuItem::getText)
        .containsExactly(
            "tiny-qwen2-no-template.gguf — " + second.getParent(),
            "tiny-qwen2.gguf — " + first.getParent(),
            "gone.gguf (missing) — " + gone.getParent());
    assertThat(menu.getItems()).extracting(MenuItem::isDisable).containsExactly(false, false, true);

    clickOn("tiny-qwen2.gguf — " + first.getParent());

    assertThat(router.loadedProperty().get().file()).isEqualTo(first);
    assertThat(settings.current().recentModels()).startsWith(first, second);
  }
}
