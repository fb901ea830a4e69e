package io.routebench.app.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the user sees when something goes wrong: the message first, the trace for a report. */
class ErrorDialogsTest extends FxRobot {

  private final ErrorDialogs dialogs = new ErrorDialogs(() -> null);

  @BeforeEach
  void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void closeDialogs() throws Exception {
    lookup(".dialog-pane")
        .queryAllAs(DialogPane.class)
        .forEach(pane -> interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire()));
    FxToolkit.hideStage();
  }

  @Test
  void an_error_with_a_cause_shows_the_message_and_keeps_the_stack_trace_in_the_details() {
    Platform.runLater(
        () ->
            dialogs.showError(
                "Could not save the workspace",
                "my.routebench: the disk is full",
                new IOException("No space left on device")));
    WaitForAsyncUtils.waitForFxEvents();

    DialogPane pane = lookup(".exception-dialog").queryAs(DialogPane.class);
    assertThat(pane.getHeaderText()).isEqualTo("Could not save the workspace");
    assertThat(((Labeled) pane.getContent()).getText())
        .isEqualTo("my.routebench: the disk is full");
    TextArea trace = from(pane.getExpandableContent()).lookup(".text-area").queryAs(TextArea.class);
    assertThat(trace.getText())
        .startsWith("java.io.IOException: No space left on device")
        .contains("at io.routebench.app.errors.ErrorDialogsTest");
  }

  @Test
  void a_warning_has_no_stack_trace() {
    Platform.runLater(() -> dialogs.showWarning("Nothing to export", "Add a route first."));
    WaitForAsyncUtils.waitForFxEvents();

    DialogPane pane = lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(pane.getStyleClass()).doesNotContain("exception-dialog");
    assertThat(((Labeled) pane.getContent()).getText()).isEqualTo("Add a route first.");
    assertThat(pane.getExpandableContent()).isNull();
  }
}
