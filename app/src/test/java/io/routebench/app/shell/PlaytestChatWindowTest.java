package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.playtest.Turn;
import io.routebench.app.playtest.TurnState;
import io.routebench.core.conversation.Role;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.remote.SseChatServer;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playtest as a chat: Esc stops a reply wherever the focus is in the tab, the conversation
 * follows what is added to it unless the user scrolled up, and the why panel opens on demand at the
 * size it was left.
 */
class PlaytestChatWindowTest extends WorkbenchFixture {

  @Test
  void esc_stops_a_streaming_reply_with_the_focus_in_the_taxonomy_beside_the_conversation()
      throws Exception {
    try (var model = new SseChatServer()) {
      model.streaming(SseChatServer.delta("So far")).thenHolding();
      everyTargetAt(model.origin());
      loadModel(TinyGgufModels.answeringRoute(home.resolve("models"), "debugging"));
      clickOn("Playtest");
      send("My Kubernetes pods keep restarting");
      clickOn(this.<Node>showing("#playtestAskTargetButton"));
      waitUntil(() -> turns().size() == 2 && turns().get(1).text().equals("So far"));

      // Issue 17: Esc worked only with the focus in the conversation or the message box.
      clickOn(this.<Node>showing("#taxonomyTree"));
      push(KeyCode.ESCAPE);

      waitUntil(() -> turns().get(1).state() == TurnState.STOPPED);
      assertThat(model.awaitHangUp()).isTrue();
    }
  }

  @Test
  void the_conversation_follows_new_messages_unless_the_user_scrolled_up() throws Exception {
    clickOn("Playtest");
    for (int i = 1; i <= 20; i++) {
      add("Message number " + i);
    }
    assertThat(lastShownIndex()).as("the newest message is in view").isEqualTo(19);

    interact(() -> flow().setPosition(0)); // the user scrolls up to read
    add("Message number 21");

    assertThat(lastShownIndex()).as("reading earlier messages, nothing moves").isLessThan(10);

    interact(() -> flow().setPosition(1)); // back at the bottom
    add("Message number 22");
    interact(
        () ->
            playtest()
                .conversation()
                .editTurn(21, "Message number 22, now with a much longer text ".repeat(12)));
    assertThat(lastShownIndex()).isEqualTo(21);
    assertThat(lastCellBottom()).as("the end of the grown message").isLessThanOrEqualTo(listEnd());
  }

  @Test
  void the_why_panel_opens_on_demand_and_comes_back_at_the_size_it_was_left() throws Exception {
    clickOn("Playtest");
    assertThat(lookup("#decisionDetails").tryQuery())
        .as("closed at first: the conversation has the room")
        .isEmpty();

    clickOn(this.<Node>showing("#playtestShowWhy"));
    assertThat(this.<Node>showing("#decisionDetails").isVisible()).isTrue();
    double opened = whySplit().getDividerPositions()[0];
    interact(() -> whySplit().setDividerPositions(0.8)); // the user drags it down
    WaitForAsyncUtils.waitForFxEvents();
    double left = whySplit().getDividerPositions()[0];
    assertThat(left).isNotCloseTo(opened, Offset.offset(0.05));
    clickOn(this.<Node>showing("#playtestShowWhy"));
    assertThat(lookup("#decisionDetails").tryQuery()).isEmpty();

    restartWorkbench(); // the size is kept in the app settings
    clickOn("Playtest");
    clickOn(this.<Node>showing("#playtestShowWhy"));

    assertThat(whySplit().getDividerPositions()[0]).isCloseTo(left, Offset.offset(0.01));
  }

  @Test
  void the_side_panes_come_back_as_the_user_left_them() throws Exception {
    clickOn("Playtest");
    clickOn(this.<Node>showing("#playtestShowWhy"));
    clickOn(this.<Node>showing("#playtestShowRoute"));
    assertThat(paneToggle("#playtestShowWhy").isSelected()).isTrue();
    assertThat(paneToggle("#playtestShowRoute").isSelected()).isFalse();

    restartWorkbench(); // the choices are kept in the app settings
    clickOn("Playtest");

    assertThat(this.<Node>showing("#decisionDetails").isVisible()).isTrue();
    assertThat(paneToggle("#playtestShowWhy").isSelected()).isTrue();
    assertThat(paneToggle("#playtestShowRoute").isSelected()).isFalse();
  }

  private ToggleButton paneToggle(String id) {
    return lookup(id).queryAs(ToggleButton.class);
  }

  /** The split pane between the conversation and the why panel. */
  private SplitPane whySplit() {
    Node why = lookup("#decisionDetails").query();
    for (Node at = why.getParent(); at != null; at = at.getParent()) {
      if (at instanceof SplitPane split) {
        return split;
      }
    }
    throw new AssertionError("the why panel is not in a split pane");
  }

  private void add(String text) {
    interact(() -> playtest().conversation().insertTurn(turns().size(), Role.USER, text));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private VirtualFlow<?> flow() {
    return (VirtualFlow<?>) lookup("#playtestTurns .virtual-flow").query();
  }

  private int lastShownIndex() {
    var shown = new int[1];
    interact(() -> shown[0] = flow().getLastVisibleCell().getIndex());
    return shown[0];
  }

  private double lastCellBottom() {
    var bottom = new double[1];
    interact(
        () -> {
          var cell = flow().getLastVisibleCell();
          bottom[0] = cell.localToScene(cell.getLayoutBounds()).getMaxY();
        });
    return bottom[0];
  }

  private double listEnd() {
    ListView<?> list = lookup("#playtestTurns").queryListView();
    return list.localToScene(list.getLayoutBounds()).getMaxY() + 1;
  }

  private javafx.collections.ObservableList<Turn> turns() {
    return playtest().conversation().turns();
  }
}
