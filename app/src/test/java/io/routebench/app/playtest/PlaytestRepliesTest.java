package io.routebench.app.playtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.routebench.app.routing.LlamaCppLoader;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.app.testing.QueuedTaskExecutor;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.SseChatServer;
import io.routebench.inference.remote.StreamingChatClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies from the route's target in the playtest: a real (tiny) router decides the route, and the
 * target it names is a real loopback server streaming server-sent events.
 */
@Timeout(60)
class PlaytestRepliesTest {

  @TempDir static Path models;
  private static Path model;

  private final SseChatServer server = newServer();
  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final LocalRouter router =
      new LocalRouter(
          new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(4096)),
          new CurrentThreadTaskExecutor());
  private final ManualUiTimer typing = new ManualUiTimer();
  private final StreamingChatClient client = new StreamingChatClient();
  private final List<TestCase> saved = new ArrayList<>();
  private PlaytestViewModel playtest;

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.answeringRoute(models, "debugging");
  }

  @AfterEach
  void close() {
    if (playtest != null) {
      playtest.dispose();
    }
    router.unload();
    client.close();
    server.close();
  }

  @Test
  void a_reply_streams_from_the_routed_target_into_a_new_assistant_turn() throws Exception {
    var workers = new QueuedTaskExecutor();
    start(workers);
    pointDebuggingTargetAt(server.origin() + "/v1", null);
    server.streaming(
        SseChatServer.delta("Check the"), SseChatServer.delta(" stack trace."), SseChatServer.DONE);
    sendRouted("My service crashes with a NullPointerException");
    assertThat(playtest.replies().whyNoReply()).isNull();

    playtest.replies().askTarget();

    Turn replying = playtest.conversation().turns().get(1);
    assertThat(replying.role()).isEqualTo(Role.ASSISTANT);
    assertThat(replying.state()).isEqualTo(TurnState.REPLYING);
    assertThat(playtest.replies().replyingProperty().get()).isTrue();
    assertThat(playtest.replies().whyNoReply()).startsWith("A reply is streaming in");
    workers.runAll();

    assertThat(playtest.conversation().turns())
        .extracting(Turn::role, Turn::text, Turn::state)
        .containsExactly(
            tuple(Role.USER, "My service crashes with a NullPointerException", TurnState.DECIDED),
            tuple(Role.ASSISTANT, "Check the stack trace.", TurnState.NOT_ROUTED));
    assertThat(playtest.replies().replyingProperty().get()).isFalse();
    assertThat(playtest.replies().replyTarget(playtest.conversation().turns().get(1)).model())
        .isEqualTo(Documents.GPT_4O);
    String sent = server.received().get(0).body();
    assertThat(sent)
        .contains("\"model\":\"gpt-4o\"")
        .contains("\"content\":\"My service crashes with a NullPointerException\"");

    playtest.cases().saveAsTestCase("Playtests", "crash", List.of("debugging"));
    assertThat(saved.get(0).messages())
        .extracting(CaseMessage::role, CaseMessage::content)
        .containsExactly(
            tuple(Role.USER, "My service crashes with a NullPointerException"),
            tuple(Role.ASSISTANT, "Check the stack trace."));

    playtest.conversation().editTurn(1, "Check the stack trace, then the logs.");
    assertThat(playtest.replies().replyTarget(playtest.conversation().turns().get(1)))
        .as("an edited reply is the user's")
        .isNull();
  }

  @Test
  void stopping_keeps_the_text_so_far_marked_stopped_and_retry_asks_again() throws Exception {
    start(new CurrentThreadTaskExecutor());
    pointDebuggingTargetAt(server.origin(), null);
    server.streaming(SseChatServer.delta("The first words")).thenHolding();
    sendRouted("Why does my build fail?");
    // The reply streams on this thread: the user stops it once its first words show.
    var armed = new boolean[] {true};
    playtest
        .conversation()
        .turns()
        .addListener(
            (ListChangeListener<Turn>)
                change -> {
                  if (armed[0]
                      && playtest.conversation().turns().size() == 2
                      && playtest.conversation().turns().get(1).replying()
                      && !playtest.conversation().turns().get(1).text().isEmpty()) {
                    armed[0] = false;
                    playtest.replies().stopReply();
                  }
                });

    playtest.replies().askTarget();

    assertThat(playtest.conversation().turns().get(1))
        .extracting(Turn::text, Turn::state)
        .containsExactly("The first words", TurnState.STOPPED);
    assertThat(playtest.replies().replyingProperty().get()).isFalse();
    assertThat(server.awaitHangUp()).as("the stream was closed").isTrue();

    try (var fixed = new SseChatServer()) {
      // Retry asks the target as the workspace now has it.
      fixed.streaming(SseChatServer.delta("A whole answer."), SseChatServer.DONE);
      pointDebuggingTargetAt(fixed.origin(), null);
      playtest.replies().retryReply(1);
      assertThat(fixed.received()).hasSize(1);
    }
    assertThat(playtest.conversation().turns().get(1))
        .extracting(Turn::text, Turn::state)
        .containsExactly("A whole answer.", TurnState.NOT_ROUTED);
  }

  @Test
  void a_refused_request_shows_the_servers_message_in_the_turn_and_retry_recovers() {
    start(new CurrentThreadTaskExecutor());
    pointDebuggingTargetAt(server.origin(), null);
    server.answering(500, "application/json", "{\"error\":{\"message\":\"CUDA out of memory\"}}");
    sendRouted("My pods keep restarting");

    playtest.replies().askTarget();

    Turn failed = playtest.conversation().turns().get(1);
    assertThat(failed.state()).isEqualTo(TurnState.REPLY_FAILED);
    assertThat(failed.failure()).contains("HTTP 500").endsWith("CUDA out of memory");
    assertThat(RouteChips.replyChipText(failed, null)).isEqualTo(failed.failure());

    server.streaming(SseChatServer.delta("Look at the liveness probe."), SseChatServer.DONE);
    playtest.replies().retryReply(1);

    assertThat(playtest.conversation().turns().get(1).text())
        .isEqualTo("Look at the liveness probe.");
    assertThat(playtest.conversation().turns()).hasSize(2);
  }

  @Test
  void a_key_variable_that_is_not_set_is_named_in_the_turn() {
    start(new CurrentThreadTaskExecutor());
    pointDebuggingTargetAt(server.origin(), "$ROUTEBENCH_TEST_KEY_THAT_IS_NEVER_SET");
    sendRouted("My pods keep restarting");

    playtest.replies().askTarget();

    assertThat(playtest.conversation().turns().get(1).failure())
        .contains("environment variable ROUTEBENCH_TEST_KEY_THAT_IS_NEVER_SET is not set");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void a_target_without_a_base_url_or_no_route_yet_cannot_be_asked_and_says_why() {
    start(new CurrentThreadTaskExecutor());
    assertThat(playtest.replies().whyNoReply()).startsWith("Send a user message");

    sendRouted("My pods keep restarting");

    assertThat(playtest.replies().whyNoReply()).startsWith(Documents.GPT_4O + " has no base URL");
    playtest.replies().askTarget();
    assertThat(playtest.conversation().turns()).hasSize(1);
  }

  @Test
  void deleting_a_reply_while_it_streams_stops_it() throws Exception {
    var workers = new QueuedTaskExecutor();
    start(workers);
    pointDebuggingTargetAt(server.origin(), null);
    server.streaming(SseChatServer.delta("Never shown")).thenHolding();
    sendRouted("My pods keep restarting");
    playtest.replies().askTarget();

    playtest.conversation().deleteTurn(1);

    assertThat(playtest.replies().replyingProperty().get()).isFalse();
    workers.runAll(); // the stream was cancelled before it started: nothing is asked or shown
    assertThat(playtest.conversation().turns()).extracting(Turn::role).containsExactly(Role.USER);
    assertThat(server.received()).isEmpty();
  }

  private void start(TaskExecutor workers) {
    playtest =
        new PlaytestViewModel(
            editor,
            router,
            (suite, testCase, done, failed) -> {
              saved.add(testCase);
              done.run();
            },
            typing,
            new TargetReplies(client, workers));
    var failures = new ArrayList<RuntimeException>();
    router.load(model, failures::add);
    assertThat(failures).isEmpty();
  }

  /** The tiny router answers "debugging", whose target is gpt-4o. */
  private void sendRouted(String message) {
    playtest.conversation().draftProperty().set(message);
    playtest.sendAsUser();
    assertThat(
            playtest.conversation().turns().get(playtest.conversation().turns().size() - 1).route())
        .isEqualTo("debugging");
  }

  private void pointDebuggingTargetAt(String baseUrl, String keyRef) {
    editor.apply(
        "target",
        document ->
            document.withTargets(
                document.targets().stream()
                    .map(
                        target ->
                            target.model().equals(Documents.GPT_4O)
                                ? new ModelTarget(
                                    target.model(),
                                    null,
                                    baseUrl,
                                    keyRef,
                                    target.isDefault(),
                                    null,
                                    "{}")
                                : target)
                    .toList()));
  }

  private static SseChatServer newServer() {
    try {
      return new SseChatServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
