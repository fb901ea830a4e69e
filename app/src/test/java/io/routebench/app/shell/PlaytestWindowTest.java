package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.playtest.Turn;
import io.routebench.app.playtest.TurnState;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.remote.SseChatServer;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playtest tab with the taxonomy beside the conversation, on a real (tiny) llama.cpp model:
 * what the router decides shows in the tree, and edits re-route what they change.
 */
class PlaytestWindowTest extends WorkbenchFixture {

  @BeforeEach
  void openPlaytest() throws Exception {
    loadTinyModel();
    clickOn("Playtest");
  }

  @Test
  void a_decision_lights_up_its_node_in_the_tree() throws Exception {
    // A model that answers on purpose: what the random tiny one says depends on every prompt byte.
    loadDebuggingModel();
    clickOn(this.<Node>showing("#playtestDraft"))
        .write("Write a Rust function that parses ISO dates");
    // The exact answer, which may correct the preview shown first.
    waitUntil(
        () ->
            playtest().draftRoute().decisionProperty().get() != null
                && !playtest().draftRoute().decisionProperty().get().answer().isPreview());
    RouteDecision decision = playtest().draftRoute().decisionProperty().get();
    RoutingPolicy policy = decision.policy();
    assertThat(policy).as("the model chose a policy, not other").isNotNull();

    waitUntil(() -> routedLabel() != null);
    assertThat(routedLabel()).isEqualTo(nodeName(policy));
  }

  @Test
  void editing_a_description_re_routes_a_visible_conversation() throws Exception {
    Turn sent = send("My Kubernetes pods keep restarting");
    String debugging = action("debugging").id();
    interact(
        () ->
            workbench
                .window()
                .workspacePane()
                .taxonomy()
                .select(io.routebench.app.taxonomy.NodeRef.action(debugging)));
    StyleClassedTextArea description = showing("#nodeDescriptionArea");

    // Focused as a click would, wherever the form has scrolled it to.
    interact(description::requestFocus);
    push(KeyCode.CONTROL, KeyCode.END).write(" Also crash loops of containers.");

    waitUntil(
        () -> {
          Turn now = playtest().conversation().turns().get(0);
          return now.state() == TurnState.DECIDED && now.decision() != sent.decision();
        });
    assertThat(action("debugging").description()).endsWith("Also crash loops of containers.");
    assertThat(chips()).singleElement().asString().doesNotStartWith("stale");
  }

  @Test
  void editing_an_earlier_message_re_routes_the_turns_after_it_and_only_those() throws Exception {
    Turn first = send("Write a Python script that renames files");
    send("Now make it recursive");
    send("And add a dry-run flag");
    List<RouteDecision> before = decisions();

    doubleClickOn(turnCell(1));
    push(KeyCode.CONTROL, KeyCode.A).write("Now port it to Go");
    push(KeyCode.CONTROL, KeyCode.ENTER);

    assertThat(playtest().conversation().turns().get(1).text()).isEqualTo("Now port it to Go");
    waitUntil(
        () ->
            playtest().conversation().turns().stream().allMatch(t -> t.state() == TurnState.DECIDED)
                && decisions().get(2) != before.get(2));
    assertThat(decisions().get(0)).isSameAs(first.decision());
    assertThat(decisions().get(1)).isNotSameAs(before.get(1));
  }

  @Test
  void asking_the_target_streams_its_reply_into_the_conversation() throws Exception {
    try (var model = new SseChatServer()) {
      model.streaming(
          SseChatServer.delta("Check the"),
          SseChatServer.delta(" crash loop back-off."),
          SseChatServer.DONE);
      everyTargetAt(model.origin());
      loadDebuggingModel();
      send("My Kubernetes pods keep restarting");
      Button ask = showing("#playtestAskTargetButton");
      String target = playtest().replies().lastRoutedTarget().label();
      assertThat(ask.getText()).isEqualTo("Ask " + target);
      assertThat(ask.isDisabled()).isFalse();

      clickOn(ask);

      waitUntil(
          () ->
              playtest().conversation().turns().size() == 2
                  && playtest().conversation().turns().get(1).state() == TurnState.NOT_ROUTED
                  && !playtest().conversation().turns().get(1).text().isEmpty());
      assertThat(playtest().conversation().turns().get(1).text())
          .isEqualTo("Check the crash loop back-off.");
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(turnTexts()).contains("Check the crash loop back-off.");
      assertThat(chips()).contains("reply from " + target);
    }
  }

  @Test
  void esc_stops_a_reply_and_keeps_what_came() throws Exception {
    try (var model = new SseChatServer()) {
      model.streaming(SseChatServer.delta("So far")).thenHolding();
      everyTargetAt(model.origin());
      loadDebuggingModel();
      send("My Kubernetes pods keep restarting");
      clickOn(this.<Button>showing("#playtestAskTargetButton"));
      waitUntil(() -> turnTexts().contains("So far"));
      assertThat(this.<Button>showing("#playtestStopReplyButton").isVisible()).isTrue();

      push(KeyCode.ESCAPE);

      waitUntil(() -> playtest().conversation().turns().get(1).state() == TurnState.STOPPED);
      assertThat(playtest().conversation().turns().get(1).text()).isEqualTo("So far");
      assertThat(model.awaitHangUp()).isTrue();
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(lookup("#playtestStopReplyButton").query().isVisible()).isFalse();
      assertThat(lookup("#playtestTurns .reply-action").queryAllAs(Hyperlink.class))
          .filteredOn(Node::isVisible)
          .extracting(Hyperlink::getText)
          .containsExactly("Retry");
    }
  }

  /** A model that answers "debugging", in place of the random tiny one (which may say other). */
  private void loadDebuggingModel() throws Exception {
    loadModel(TinyGgufModels.answeringRoute(home.resolve("models"), "debugging"));
    waitUntil(() -> workbench.router().loadedProperty().get().description().contains("debugging"));
  }

  private List<String> turnTexts() {
    return lookup("#playtestTurns .turn-text").queryAllAs(Label.class).stream()
        .filter(Node::isVisible)
        .map(Label::getText)
        .toList();
  }

  private List<RouteDecision> decisions() {
    return playtest().conversation().turns().stream().map(Turn::decision).toList();
  }

  private List<String> chips() {
    return lookup("#playtestTurns .route-chip").queryAllAs(Label.class).stream()
        .filter(Node::isVisible)
        .map(Label::getText)
        .toList();
  }

  private Node turnCell(int index) {
    ListView<?> list = lookup("#playtestTurns").queryListView();
    return lookup("#playtestTurns .list-cell")
        .match(
            cell ->
                cell instanceof javafx.scene.control.ListCell<?> c
                    && c.getListView() == list
                    && c.getIndex() == index)
        .query();
  }

  private String routedLabel() {
    return lookup(".tree-cell.routed-node").queryAllAs(TreeCell.class).stream()
        .filter(WorkbenchFixture::shown)
        .map(cell -> ((Label) cell.lookup(".label")).getText())
        .findFirst()
        .orElse(null);
  }

  private String nodeName(RoutingPolicy policy) {
    return document().taxonomy().domains().stream()
        .filter(d -> d.id().equals(policy.domainId()))
        .flatMap(
            d ->
                policy.actionId() == null
                    ? java.util.stream.Stream.of(d.name())
                    : d.actions().stream()
                        .filter(a -> a.id().equals(policy.actionId()))
                        .map(a -> a.name()))
        .findFirst()
        .orElseThrow();
  }
}
