package io.routebench.app.playtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.inference.remote.StreamingChatClient;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The dialog's defaults, read without showing it (a modal dialog would block the test). */
class SaveTestCaseDialogTest extends FxRobot {

  private final PlaytestViewModel playtest =
      new PlaytestViewModel(
          new DocumentEditor(Documents.codingAndWriting(), d -> {}),
          new LocalRouter(
              file -> {
                throw new AssertionError("no model is loaded here");
              },
              new CurrentThreadTaskExecutor()),
          (suite, testCase, saved, failed) -> saved.run(),
          new ManualUiTimer(),
          new TargetReplies(new StreamingChatClient(), new CurrentThreadTaskExecutor()));

  @BeforeEach
  void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void each_user_turn_expects_its_decided_route_or_other_in_the_default_suite() {
    playtest.conversation().draftProperty().set("Fix my null pointer");
    playtest.sendAsUser();
    playtest.conversation().draftProperty().set("Try Optional.");
    playtest.addAssistantReply();
    playtest.conversation().draftProperty().set("Thanks!");
    playtest.sendAsUser();
    var answers = new AtomicReference<SaveTestCaseDialog.Answers>();

    interact(() -> answers.set(new SaveTestCaseDialog(playtest).answers()));

    // No model was loaded, so no turn has a decided route: both default to other.
    assertThat(answers.get())
        .isEqualTo(
            new SaveTestCaseDialog.Answers(
                "Playtests", "Fix my null pointer", java.util.List.of("other", "other")));
  }
}
