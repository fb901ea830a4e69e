package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.playtest.Turn;
import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The playtest conversation is part of the workspace: written as it changes, back on reopening. */
class PlaytestMemoryWindowTest extends WorkbenchFixture {

  private static final List<Message> CONVERSATION =
      List.of(
          Message.user("My Kubernetes pods keep restarting"),
          Message.assistant("Which exit code do they show?"),
          Message.user("137"));

  @Test
  void each_change_is_in_the_file_at_once_not_only_when_the_workspace_closes() throws Exception {
    type(CONVERSATION, "and the node is low on memory");
    var expected =
        new PlaytestConversation(CONVERSATION, "and the node is low on memory", Role.USER);

    waitForFile(expected);

    interact(() -> playtest().conversation().deleteTurn(1));
    waitUntil(
        () ->
            onFileThread(() -> session().file().playtest().load().messages())
                .equals(List.of(CONVERSATION.get(0), CONVERSATION.get(2))));
  }

  @Test
  void a_reopened_workspace_shows_the_conversation_and_draft_it_was_closed_with() throws Exception {
    loadTinyModel();
    type(CONVERSATION, "half a thought");
    Path file = session().path();

    interact(() -> workbench.workspaces().close());
    interact(() -> workbench.workspaces().open(file));
    waitUntil(() -> workbench.workspaces().current().isPresent());
    // The window builds the workspace's pane once it hears of it: wait for that too.
    WaitForAsyncUtils.waitForFxEvents();
    waitUntil(() -> workbench.window().workspacePane() != null);
    waitUntil(() -> playtest().conversation().turns().size() == 3);

    assertThat(playtest().conversation().turns().stream().map(Turn::text))
        .containsExactly(
            "My Kubernetes pods keep restarting", "Which exit code do they show?", "137");
    assertThat(playtest().conversation().draftProperty().get()).isEqualTo("half a thought");
    // With a router loaded, the restored messages are routed again.
    waitUntil(
        () ->
            playtest().conversation().userTurns().stream().allMatch(turn -> turn.route() != null));
  }

  /** Waits until the file holds {@code expected}; if it never does, shows what it holds. */
  private void waitForFile(PlaytestConversation expected) throws Exception {
    try {
      waitUntil(() -> onFileThread(() -> session().file().playtest().load()).equals(expected));
    } catch (TimeoutException e) {
      assertThat(onFileThread(() -> session().file().playtest().load())).isEqualTo(expected);
    }
  }

  private void type(List<Message> messages, String draft) {
    interact(
        () -> {
          for (Message message : messages) {
            playtest()
                .conversation()
                .insertTurn(
                    playtest().conversation().turns().size(), message.role(), message.content());
          }
          playtest().conversation().draftProperty().set(draft);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }
}
