package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** The collision check's window closes as a dialog does: its Close button, or Esc. */
class CollisionWindowTest extends WorkbenchFixture {

  @Test
  void close_closes_the_collision_window() throws Exception {
    Stage collisions = openCollisionCheck();

    clickOn("#collisionCloseButton");

    assertThat(collisions.isShowing()).isFalse();
  }

  @Test
  void escape_closes_the_collision_window() throws Exception {
    Stage collisions = openCollisionCheck();

    clickOn("#collisionMessage").push(KeyCode.ESCAPE);

    assertThat(collisions.isShowing()).isFalse();
  }

  private Stage openCollisionCheck() throws Exception {
    interact(() -> menuItem(this, "checkCollisionsMenuItem").fire());
    var found = new AtomicReference<Stage>();
    waitUntil(
        () -> {
          interact(
              () ->
                  Window.getWindows().stream()
                      .filter(
                          w ->
                              w instanceof Stage s && "Policy collision check".equals(s.getTitle()))
                      .findFirst()
                      .ifPresent(w -> found.set((Stage) w)));
          return found.get() != null && found.get().isShowing();
        });
    return found.get();
  }
}
