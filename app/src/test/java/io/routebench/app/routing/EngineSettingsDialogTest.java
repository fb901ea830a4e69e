package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Threads, context size and GPU layers: edited, checked, stored, used by the next load. */
class EngineSettingsDialogTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<LlamaEngineSettings> loadedWith = new ArrayList<>();
  private SettingsStore settings;
  private LocalRouter router;
  private RouterModelBar bar;
  private Stage primary;

  @BeforeEach
  void start() throws Exception {
    primary = FxToolkit.registerPrimaryStage();
    settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
    var llamaCpp = new LlamaCppLoader(() -> StoredEngineSettings.read(settings.current()));
    router =
        new LocalRouter(
            file -> {
              loadedWith.add(StoredEngineSettings.read(settings.current()));
              return llamaCpp.load(file);
            },
            new CurrentThreadTaskExecutor());
    interact(() -> bar = new RouterModelBar(router, settings, new RecordingErrorReporter(), dir));
  }

  @AfterEach
  void stop() {
    interact(router::unload);
    interact(
        () -> List.copyOf(listWindows()).stream().filter(w -> w != primary).forEach(Window::hide));
    scheduler.shutdownNow();
  }

  @Test
  void the_defaults_are_shown_and_a_changed_context_is_stored_for_the_next_load() {
    interact(() -> bar.showEngineSettings(null));
    LlamaEngineSettings defaults = LlamaEngineSettings.defaults();
    assertThat(editorText("#engineThreadsSpinner")).isEqualTo(String.valueOf(defaults.threads()));
    assertThat(editorText("#engineContextSpinner")).isEqualTo("8192");
    assertThat(editorText("#engineGpuLayersSpinner")).isEqualTo("auto");

    type("#engineContextSpinner", "2048");
    type("#engineGpuLayersSpinner", "0");
    clickOn("#engineSaveButton");

    assertThat(settings.current().engineSettings())
        .containsEntry("contextSize", "2048")
        .containsEntry("gpuLayers", "0")
        .doesNotContainKey("threads");
    interact(() -> bar.load(TinyGgufModels.tinyQwen(dir)));
    assertThat(loadedWith)
        .singleElement()
        .satisfies(
            used -> {
              assertThat(used.contextSize()).isEqualTo(2048);
              assertThat(used.gpuLayers()).isZero();
            });
  }

  @Test
  void values_out_of_range_or_not_numbers_are_named_and_cannot_be_saved() {
    interact(() -> bar.showEngineSettings(null));

    type("#engineThreadsSpinner", "0");

    assertThat(problem()).isEqualTo("Threads must be between 1 and 512.");
    assertThat(lookup("#engineSaveButton").query().isDisabled()).isTrue();

    type("#engineThreadsSpinner", "four");

    assertThat(problem()).isEqualTo("Type a whole number (or auto for GPU layers).");
    assertThat(lookup("#engineSaveButton").query().isDisabled()).isTrue();

    type("#engineThreadsSpinner", "2");
    type("#engineContextSpinner", "100");
    assertThat(problem()).startsWith("The context size must be between 512 and 131072 tokens");

    type("#engineContextSpinner", "4096");
    assertThat(problem()).isEmpty();
    assertThat(lookup("#engineSaveButton").query().isDisabled()).isFalse();
  }

  @Test
  void with_a_model_loaded_save_and_reload_loads_it_again_with_the_new_settings() {
    Path model = TinyGgufModels.tinyQwen(dir);
    interact(() -> bar.load(model));
    LocalRouter.Loaded before = router.loadedProperty().get();
    interact(() -> bar.showEngineSettings(null));

    type("#engineContextSpinner", "1024");
    clickOn("#engineSaveAndReloadButton");

    assertThat(router.loadedProperty().get()).isNotSameAs(before);
    assertThat(router.loadedProperty().get().file()).isEqualTo(model);
    assertThat(loadedWith).hasSize(2);
    assertThat(loadedWith.get(1).contextSize()).isEqualTo(1024);
  }

  @Test
  void defaults_fill_the_fields_in_without_closing() {
    settings.update(s -> s.withEngineSetting("contextSize", "1024"));
    interact(() -> bar.showEngineSettings(null));
    assertThat(editorText("#engineContextSpinner")).isEqualTo("1024");

    clickOn("#engineDefaultsButton");

    assertThat(editorText("#engineContextSpinner")).isEqualTo("8192");
    assertThat(lookup("#engineSaveButton").tryQuery()).isPresent();
  }

  @Test
  void a_stored_value_that_cannot_be_used_falls_back_to_its_default() {
    settings.update(
        s -> s.withEngineSetting("threads", "lots").withEngineSetting("contextSize", "-5"));

    LlamaEngineSettings read = StoredEngineSettings.read(settings.current());

    assertThat(read).isEqualTo(LlamaEngineSettings.defaults());
  }

  private void type(String spinner, String text) {
    interact(() -> lookup(spinner).queryAs(Spinner.class).getEditor().setText(text));
  }

  private String editorText(String spinner) {
    return lookup(spinner).queryAs(Spinner.class).getEditor().getText();
  }

  private String problem() {
    Node label = lookup("#engineSettingsProblem").query();
    return ((Label) label).getText();
  }
}
