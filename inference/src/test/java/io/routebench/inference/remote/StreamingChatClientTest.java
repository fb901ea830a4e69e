package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.inference.remote.StreamingChatClient.ChatReplyException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The streaming chat client against a real loopback server speaking server-sent events. */
class StreamingChatClientTest {

  private static final List<Message> CONVERSATION =
      List.of(
          Message.user("Write a haiku about parsers"),
          Message.assistant("Tokens fall like rain"),
          Message.user("Another one"));

  private final SseChatServer server = newServer();
  private final StreamingChatClient client =
      new StreamingChatClient(Map.of("TEST_KEY", "sk-test-123")::get);
  private final List<String> pieces = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void streams_each_delta_and_sends_the_conversation_model_and_key() throws Exception {
    server.streaming(
        SseChatServer.delta("Lexers"),
        ": a comment line\n\n",
        SseChatServer.delta(" hum at dawn"),
        SseChatServer.DONE);

    String reply =
        client.reply(
            endpoint(server.origin() + "/v1", "$TEST_KEY"),
            CONVERSATION,
            pieces::add,
            CancellationToken.none());

    assertThat(reply).isEqualTo("Lexers hum at dawn");
    assertThat(pieces).containsExactly("Lexers", " hum at dawn");
    SseChatServer.Received request = server.received().get(0);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.authorization()).isEqualTo("Bearer sk-test-123");
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("messages").size()).isEqualTo(3);
    assertThat(body.path("messages").path(1).path("role").asText()).isEqualTo("assistant");
    assertThat(body.path("messages").path(1).path("content").asText())
        .isEqualTo("Tokens fall like rain");
  }

  @Test
  void a_base_url_without_v1_gets_it_and_events_split_across_chunks_are_joined() {
    String event = SseChatServer.delta("split across chunks");
    server.streaming(
        event.substring(0, 17), event.substring(17, 40), event.substring(40), SseChatServer.DONE);

    String reply =
        client.reply(
            endpoint(server.origin(), ""), CONVERSATION, pieces::add, CancellationToken.none());

    assertThat(reply).isEqualTo("split across chunks");
    assertThat(server.received().get(0).path()).isEqualTo("/v1/chat/completions");
    assertThat(server.received().get(0).authorization()).isNull();
  }

  @Test
  void a_server_that_ignores_stream_and_answers_one_completion_is_read_too() {
    server.answering(200, "application/json", FakeChatServer.completion("\"All at once\"", null));

    String reply =
        client.reply(
            endpoint(server.origin(), ""), CONVERSATION, pieces::add, CancellationToken.none());

    assertThat(reply).isEqualTo("All at once");
  }

  @Test
  void an_error_status_reports_the_servers_message_and_the_key_to_check() {
    server.answering(
        401,
        "application/json",
        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}");

    assertThatThrownBy(
            () ->
                client.reply(
                    endpoint(server.origin(), "$TEST_KEY"),
                    CONVERSATION,
                    pieces::add,
                    CancellationToken.none()))
        .isInstanceOf(ChatReplyException.class)
        .hasMessageContaining("answered HTTP 401")
        .hasMessageContaining("$TEST_KEY")
        .hasMessageEndingWith(": Incorrect API key provided");
  }

  @Test
  void a_server_error_and_an_unknown_model_name_the_status() {
    server.answering(404, "application/json", "{\"error\":\"model 'gpt-4o' not found\"}");

    assertThatThrownBy(
            () ->
                client.reply(
                    endpoint(server.origin(), ""),
                    CONVERSATION,
                    pieces::add,
                    CancellationToken.none()))
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("model 'gpt-4o' not found");
  }

  @Test
  void an_error_event_in_the_stream_is_reported_after_the_text_before_it() {
    server.streaming(
        SseChatServer.delta("Half a"),
        "data: {\"error\":{\"message\":\"The server had an error\"}}\n\n");

    assertThatThrownBy(
            () ->
                client.reply(
                    endpoint(server.origin(), ""),
                    CONVERSATION,
                    pieces::add,
                    CancellationToken.none()))
        .hasMessageEndingWith("stopped with an error: The server had an error");
    assertThat(pieces).containsExactly("Half a");
  }

  @Test
  void a_missing_key_variable_is_named_and_nothing_is_sent() {
    assertThatThrownBy(
            () ->
                client.reply(
                    endpoint(server.origin(), "$OPENAI_API_KEY"),
                    CONVERSATION,
                    pieces::add,
                    CancellationToken.none()))
        .hasMessageContaining("environment variable OPENAI_API_KEY is not set");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void a_server_that_is_not_running_is_named_by_its_address() throws Exception {
    int port;
    try (var free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String origin = "http://127.0.0.1:" + port;

    assertThatThrownBy(
            () ->
                client.reply(
                    endpoint(origin, ""), CONVERSATION, pieces::add, CancellationToken.none()))
        .hasMessage("Cannot reach " + origin + " — is the server running?");
  }

  @Test
  void cancelling_a_slow_stream_hangs_up_and_keeps_the_text_so_far() throws Exception {
    server.streaming(SseChatServer.delta("The first words")).thenHolding();
    var cancellation = new CancellationToken();
    var firstPiece = new CountDownLatch(1);

    CompletableFuture<String> reply =
        CompletableFuture.supplyAsync(
            () ->
                client.reply(
                    endpoint(server.origin(), ""),
                    CONVERSATION,
                    piece -> firstPiece.countDown(),
                    cancellation));
    assertThat(firstPiece.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.awaitHolding()).isTrue();
    cancellation.cancel();

    assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("The first words");
    assertThat(server.awaitHangUp()).as("the connection was closed").isTrue();
  }

  private static OpenAiEndpointSettings endpoint(String baseUrl, String keyRef) {
    return new OpenAiEndpointSettings(baseUrl, "gpt-4o", keyRef);
  }

  private static SseChatServer newServer() {
    try {
      return new SseChatServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
