package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A GGUF file dropped onto the window shows its card, then loads; nothing else is accepted. The
 * drag events are those JavaFX delivers for a drag from the file manager, with a real dragboard.
 */
class ModelDropTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final LlamaCppLoader llamaCpp =
      new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(2048));
  private final LocalRouter router =
      new LocalRouter(llamaCpp::load, new CurrentThreadTaskExecutor());
  private final BorderPane windowRoot = new BorderPane();
  private Stage primary;

  @BeforeEach
  void start() throws Exception {
    primary = FxToolkit.registerPrimaryStage();
    var settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
    interact(
        () -> {
          var bar = new RouterModelBar(router, settings, new RecordingErrorReporter(), dir);
          windowRoot.setTop(bar.root());
          bar.acceptDroppedModels(windowRoot);
          primary.setScene(new Scene(windowRoot, 1024, 640));
          primary.show();
        });
  }

  @AfterEach
  void stop() throws Exception {
    interact(router::unload);
    interact(
        () -> List.copyOf(listWindows()).stream().filter(w -> w != primary).forEach(Window::hide));
    scheduler.shutdownNow();
    FxToolkit.hideStage();
  }

  @Test
  void a_dropped_gguf_is_highlighted_described_then_loaded() {
    Path model = TinyGgufModels.tinyQwen(dir);
    Dragboard board = dragboard(model.toFile());

    DragEvent over = fire(DragEvent.DRAG_OVER, board);

    assertThat(over.getAcceptedTransferMode()).isEqualTo(TransferMode.COPY);
    assertThat(windowRoot.getStyleClass()).contains(ModelDrop.HIGHLIGHT);

    DragEvent drop = fire(DragEvent.DRAG_DROPPED, board);

    assertThat(drop.isDropCompleted()).isTrue();
    assertThat(windowRoot.getStyleClass()).doesNotContain(ModelDrop.HIGHLIGHT);
    assertThat(router.loadedProperty().get()).as("the card comes first").isNull();
    clickOn("#modelCardLoadButton");
    assertThat(router.loadedProperty().get().file()).isEqualTo(model);
  }

  @Test
  void leaving_the_window_removes_the_highlight() {
    Dragboard board = dragboard(TinyGgufModels.tinyQwen(dir).toFile());
    fire(DragEvent.DRAG_OVER, board);

    fire(DragEvent.DRAG_EXITED, board);

    assertThat(windowRoot.getStyleClass()).doesNotContain(ModelDrop.HIGHLIGHT);
  }

  @Test
  void other_files_and_several_models_are_not_accepted() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
    Path model = TinyGgufModels.tinyQwen(dir);
    for (Dragboard board :
        List.of(dragboard(notes.toFile()), dragboard(model.toFile(), model.toFile()))) {
      DragEvent over = fire(DragEvent.DRAG_OVER, board);

      assertThat(over.getAcceptedTransferMode()).isNull();
      assertThat(windowRoot.getStyleClass()).doesNotContain(ModelDrop.HIGHLIGHT);
      assertThat(fire(DragEvent.DRAG_DROPPED, board).isDropCompleted()).isFalse();
    }
    assertThat(listWindows()).containsExactly(primary);
  }

  private DragEvent fire(EventType<DragEvent> type, Dragboard board) {
    var event =
        new DragEvent(
            windowRoot,
            windowRoot,
            type,
            board,
            10,
            10,
            10,
            10,
            TransferMode.COPY,
            null,
            null,
            null);
    interact(() -> Event.fireEvent(windowRoot, event));
    return event;
  }

  private static Dragboard dragboard(File... files) {
    var board = new Dragboard[1];
    try {
      org.testfx.util.WaitForAsyncUtils.asyncFx(
              () -> {
                board[0] = DragboardHelper.createDragboard(fileManagerClipboard());
                DragboardHelper.setDataAccessRestriction(board[0], false);
                board[0].setContent(Map.of(DataFormat.FILES, List.of(files)));
              })
          .get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return board[0];
  }

  /**
   * A clipboard like the one of a drag from the file manager: JavaFX's local clipboard holds the
   * content but, made for copy and paste, offers no transfer modes, which a drag needs.
   */
  private static TKClipboard fileManagerClipboard() {
    TKClipboard local = Toolkit.getToolkit().createLocalClipboard();
    return (TKClipboard)
        Proxy.newProxyInstance(
            TKClipboard.class.getClassLoader(),
            new Class<?>[] {TKClipboard.class},
            (proxy, method, args) ->
                method.getName().equals("getTransferModes")
                    ? EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK)
                    : method.invoke(local, args));
  }
}
