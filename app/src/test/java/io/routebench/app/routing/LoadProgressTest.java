package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.testing.QueuedTaskExecutor;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * While a model loads the bar shows for how long and offers Cancel; a cancelled model is closed,
 * never used. The engine's queue is run by hand, so the load is "in progress" for as long as the
 * test needs; the model is a real tiny GGUF.
 */
class LoadProgressTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final QueuedTaskExecutor engineQueue = new QueuedTaskExecutor();
  private final ClosingLoader loader = new ClosingLoader();
  private final List<ClosingSelector> loadedSelectors = loader.loaded;
  private final LocalRouter router = new LocalRouter(loader, engineQueue);
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private SettingsStore settings;
  private RouterModelBar bar;

  @BeforeEach
  void start() throws Exception {
    var stage = FxToolkit.registerPrimaryStage();
    settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
    interact(
        () -> {
          bar = new RouterModelBar(router, settings, errors, dir);
          stage.setScene(new Scene(new StackPane(bar.root()), 1024, 640));
          stage.show();
        });
  }

  @AfterEach
  void stop() throws Exception {
    interact(router::unload);
    interact(this::runEngine);
    scheduler.shutdownNow();
    FxToolkit.hideStage();
  }

  @Test
  void cancel_gives_up_the_load_and_closes_the_model_once_llama_cpp_has_read_it() {
    Path model = TinyGgufModels.tinyQwen(dir);
    interact(() -> bar.load(model));
    assertThat(lookup("#routerLoadProgress").query().isVisible()).isTrue();
    assertThat(lookup("#routerLoadElapsedLabel").queryAs(Label.class).getText())
        .isEqualTo("Loading the router model… 0 s");

    clickOn("#cancelRouterLoadButton");

    assertThat(router.loadingProperty().get()).isFalse();
    assertThat(lookup("#routerLoadProgress").query().isVisible()).isFalse();
    interact(() -> runEngine());
    assertThat(router.loadedProperty().get()).isNull();
    assertThat(loadedSelectors).hasSize(1);
    interact(() -> runEngine());
    assertThat(loadedSelectors.get(0).closed).isTrue();
    assertThat(settings.current().lastModelPath())
        .as("a cancelled model is not offered again")
        .isNull();
  }

  @Test
  void the_elapsed_seconds_count_from_the_start_of_the_load() {
    var clock = new AtomicLong(5_000_000_000L);
    var progress = new LoadProgress[1];
    interact(() -> progress[0] = new LoadProgress(router, clock::get));
    interact(() -> router.load(TinyGgufModels.tinyQwen(dir), e -> {}));

    clock.addAndGet(Duration.ofSeconds(3).toNanos());
    interact(progress[0]::refresh);

    assertThat(((javafx.scene.layout.HBox) progress[0].root()).getChildren())
        .filteredOn(n -> n instanceof Label)
        .singleElement()
        .satisfies(
            n -> assertThat(((Label) n).getText()).isEqualTo("Loading the router model… 3 s"));
  }

  private void runEngine() {
    engineQueue.runAll();
  }
}
