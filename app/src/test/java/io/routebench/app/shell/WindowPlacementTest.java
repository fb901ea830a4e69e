package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.settings.WindowBounds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A window remembered on a large monitor opens wholly on a smaller one. */
class WindowPlacementTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void bounds_larger_than_a_1024x640_screen_shrink_and_move_onto_it() {
    var remembered = new WindowBounds(300, 200, 1280, 820, false);

    WindowBounds fitted = remembered.fittedInto(0, 0, 1024, 640);

    assertThat(fitted).isEqualTo(new WindowBounds(0, 0, 1024, 640, false));
  }

  @Test
  void bounds_past_the_edge_move_back_keeping_their_size() {
    var remembered = new WindowBounds(600, 400, 800, 500, false);

    WindowBounds fitted = remembered.fittedInto(0, 0, 1024, 640);

    assertThat(fitted).isEqualTo(new WindowBounds(224, 140, 800, 500, false));
  }

  @Test
  void bounds_that_fit_are_kept_as_they_are() {
    var remembered = new WindowBounds(1100, 50, 700, 500, false);

    assertThat(remembered.fittedInto(1024, 0, 1280, 1024)).isEqualTo(remembered);
  }

  @Test
  void the_main_window_remembered_larger_than_the_screen_opens_within_it() throws Exception {
    FxToolkit.registerPrimaryStage();
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    var settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
    settings.update(
        s ->
            s.withWindow(
                new WindowBounds(
                    screen.getMinX() + 200,
                    screen.getMinY() + 100,
                    screen.getWidth() + 256,
                    screen.getHeight() + 180,
                    false)));
    var stage = new AtomicReference<Stage>();

    interact(
        () -> {
          stage.set(new Stage());
          WindowStateKeeper.restore(stage.get(), settings);
        });

    Stage restored = stage.get();
    assertThat(restored.getX()).isGreaterThanOrEqualTo(screen.getMinX());
    assertThat(restored.getY()).isGreaterThanOrEqualTo(screen.getMinY());
    assertThat(restored.getX() + restored.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
    assertThat(restored.getY() + restored.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
  }
}
