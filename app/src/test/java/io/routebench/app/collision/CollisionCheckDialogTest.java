package io.routebench.app.collision;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.routing.LlamaCppLoader;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The collision window after a real check: one row per route, every row's probe in one cell. */
class CollisionCheckDialogTest extends FxRobot {

  @TempDir static Path models;
  private static Path model;

  private final LocalRouter router =
      new LocalRouter(
          new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(4096)),
          new CurrentThreadTaskExecutor());

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.tinyQwen(models);
  }

  @AfterEach
  void close() throws Exception {
    router.unload();
    FxToolkit.hideStage();
  }

  @Test
  void running_the_check_shows_the_matrix() throws Exception {
    router.load(model, e -> {});
    var check =
        new CollisionCheckViewModel(
            new DocumentEditor(Documents.codingAndWriting(), d -> {}), router);
    Stage stage = FxToolkit.registerPrimaryStage();
    interact(
        () -> {
          stage.setScene(new Scene(new StackPane(new CollisionCheckDialog(check).root())));
          stage.show();
        });

    clickOn("#collisionRunButton");

    assertThat(check.stateProperty().get()).isEqualTo(CollisionCheckViewModel.State.DONE);
    for (int row = 0; row < 3; row++) {
      int filled = 0;
      // The routes, other, and a column for answers the proxy cannot read (random weights
      // write garbage, which production answers with HTTP 500).
      for (int column = 0;
          lookup("#collisionCell-" + row + "-" + column).tryQuery().isPresent();
          column++) {
        String cell = lookup("#collisionCell-" + row + "-" + column).queryAs(Label.class).getText();
        filled += cell.equals("1") ? 1 : 0;
      }
      assertThat(filled).as("row " + row).isEqualTo(1);
    }
    assertThat(lookup("#collisionMessage").queryLabeled().getText())
        .matches("No collisions.*|\\d of 3 descriptions were routed to another route.*");
  }
}
