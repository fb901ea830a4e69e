package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import io.routebench.inference.gguf.HostileGgufs;
import io.routebench.inference.gguf.TinyGgufModels;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No GGUF file can end the workbench: files that abort llama.cpp on an assertion, crash it, or
 * whose chat template eats the memory are dropped onto the running workbench and loaded as a user
 * would. Each is refused with a message saying what happened, and the workbench (this test's
 * process) carries on and loads a sound model afterwards.
 */
class HostileModelWindowTest extends WorkbenchFixture {

  @Test
  void hostile_models_are_refused_in_words_and_the_workbench_stays_up() throws Exception {
    Path models = home.resolve("models");
    java.nio.file.Files.createDirectories(models);

    String aborted = loadExpectingRefusal(HostileGgufs.abortingOnLoad(models));
    String crashed = loadExpectingRefusal(HostileGgufs.crashingTemplate(models));
    String exhausted = loadExpectingRefusal(HostileGgufs.memoryHungryTemplate(models));

    assertThat(aborted)
        .startsWith(
            "llama.cpp crashed reading aborting.gguf (assertion n_embd_head == hparams.n_rot failed"
                + " in src/llama-model.cpp:")
        .contains("It ran in a separate process: nothing else was affected");
    assertThat(crashed)
        .startsWith(
            "llama.cpp crashed rendering crashing.gguf's chat template (segmentation fault).");
    assertThat(exhausted)
        .startsWith(
            "memory-hungry.gguf: its chat template needed more than 1,024 MB of memory to render;"
                + " RouteBench stopped it.");
    assertThat(stage.isShowing()).isTrue();
    assertThat(workbench.router().loadedProperty().get()).isNull();

    Path sound = TinyGgufModels.tinyQwen(models);
    drop(sound);
    clickOn("#modelCardLoadButton");
    waitUntil(() -> workbench.router().loadedProperty().get() != null);
    assertThat(workbench.router().loadedProperty().get().file()).isEqualTo(sound);
  }

  /** Drops {@code model} on the window, chooses Load, and returns the error shown, closing it. */
  private String loadExpectingRefusal(Path model) throws Exception {
    drop(model);
    clickOn("#modelCardLoadButton");
    waitUntil(() -> errorPane().isPresent());
    DialogPane pane = errorPane().orElseThrow();
    assertThat(pane.getHeaderText()).isEqualTo("Cannot load the router model");
    String message = ((Label) pane.getContent()).getText();
    interact(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(workbench.router().loadingProperty().get()).isFalse();
    return message;
  }

  private Optional<DialogPane> errorPane() {
    return lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
        .filter(p -> "Cannot load the router model".equals(p.getHeaderText()))
        .filter(p -> p.getScene() != null && p.getScene().getWindow().isShowing())
        .findFirst();
  }

  /** A drag of {@code file} from the file manager, dropped onto the workbench's window. */
  private void drop(Path file) throws Exception {
    Node target = stage.getScene().getRoot();
    Dragboard board = dragboard(file.toFile());
    for (var type : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
      var event =
          new DragEvent(
              target, target, type, board, 10, 10, 10, 10, TransferMode.COPY, null, null, null);
      interact(() -> Event.fireEvent(target, event));
    }
    waitUntil(() -> lookup("#modelCardLoadButton").tryQuery().isPresent());
  }

  private static Dragboard dragboard(File file) throws Exception {
    var board = new Dragboard[1];
    WaitForAsyncUtils.asyncFx(
            () -> {
              board[0] = DragboardHelper.createDragboard(fileManagerClipboard());
              DragboardHelper.setDataAccessRestriction(board[0], false);
              board[0].setContent(Map.of(DataFormat.FILES, List.of(file)));
            })
        .get();
    return board[0];
  }

  /** JavaFX's local clipboard, offering the transfer modes a drag from a file manager has. */
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
