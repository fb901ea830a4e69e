package io.routebench.app.playtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.inference.remote.SseChatServer;
import io.routebench.inference.remote.StreamingChatClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetRepliesTest {

  private final SseChatServer server;
  private final StreamingChatClient client = new StreamingChatClient();
  private final List<String> events = new ArrayList<>();

  TargetRepliesTest() throws IOException {
    server = new SseChatServer();
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void a_fast_stream_is_shown_at_most_once_per_interval_then_whole() {
    server.streaming(
        SseChatServer.delta("a"),
        SseChatServer.delta("b"),
        SseChatServer.delta("c"),
        SseChatServer.delta("d"),
        SseChatServer.DONE);
    long interval = TargetReplies.PUBLISH_INTERVAL.toNanos();
    // The clock as each piece arrives: the second and the fourth come too soon to be shown.
    Iterator<Long> clock = Stream.of(0L, interval / 5, interval + 1, interval + 2).iterator();
    var replies = new TargetReplies(client, new CurrentThreadTaskExecutor(), clock::next);

    replies.ask(
        target("ollama/llama3.1", server.origin()),
        List.of(Message.user("hi")),
        new CancellationToken(),
        recording());

    assertThat(events).containsExactly("grew a", "grew abc", "finished abcd");
    assertThat(server.received().get(0).body()).contains("\"model\":\"llama3.1\"");
  }

  @Test
  void a_target_is_asked_by_the_model_id_after_its_provider_prefix() {
    assertThat(TargetReplies.upstreamModel(target("openai/gpt-4o", "http://h")))
        .isEqualTo("gpt-4o");
    assertThat(TargetReplies.upstreamModel(target("ollama/hf.co/x/y:Q4", "http://h")))
        .isEqualTo("hf.co/x/y:Q4");
    assertThat(TargetReplies.upstreamModel(target("local-model", "http://h")))
        .isEqualTo("local-model");
    assertThat(TargetReplies.whyNotAskable(target("openai/", "http://h")))
        .contains("names no model");
  }

  @Test
  void a_target_without_a_base_url_is_not_asked() {
    var replies = new TargetReplies(client, new CurrentThreadTaskExecutor());

    assertThatThrownBy(
            () ->
                replies.ask(
                    target("openai/gpt-4o", null),
                    List.of(Message.user("hi")),
                    new CancellationToken(),
                    recording()))
        .hasMessageStartingWith("openai/gpt-4o has no base URL");
    assertThat(events).isEmpty();
  }

  private static ModelTarget target(String model, String baseUrl) {
    return new ModelTarget(model, null, baseUrl, null, false, null, "{}");
  }

  private TargetReplies.Listener recording() {
    return new TargetReplies.Listener() {
      @Override
      public void grew(String textSoFar) {
        events.add("grew " + textSoFar);
      }

      @Override
      public void finished(String text) {
        events.add("finished " + text);
      }

      @Override
      public void stopped(String textSoFar) {
        events.add("stopped " + textSoFar);
      }

      @Override
      public void failed(String textSoFar, String why) {
        events.add("failed " + why);
      }
    };
  }
}
