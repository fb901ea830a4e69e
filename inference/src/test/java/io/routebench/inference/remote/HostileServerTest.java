package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.remote.StreamingChatClient.ChatReplyException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that answer too slowly to ever finish, or without end: the request timeout covers the
 * whole answer, and no answer is read past a size no real one approaches (issue 16). The server
 * speaks HTTP/1.1 as the OpenAI-compatible servers do (headers, then a body with a length or in
 * chunks), from a raw socket so that it can misbehave byte by byte.
 */
class HostileServerTest {

  private static final Duration NEVER_LONGER = Duration.ofSeconds(30);
  private static final RouteRequest REQUEST =
      new RouteRequest(
          List.of(new RouteOption("code", "Writing code.")),
          List.of(Message.user("Write a parser")),
          PromptProfile.ARCHGW_V1);

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  @Test
  void a_router_that_sends_headers_then_a_byte_a_second_cannot_outlast_the_timeout() {
    String origin =
        serve(
            out -> {
              head(out, "application/json", "Content-Length: 1000000\r\n");
              trickle(out);
            });

    try (var selector = selector(origin, Duration.ofSeconds(1))) {
      assertTimeoutPreemptively(
          NEVER_LONGER,
          () ->
              assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
                  .isInstanceOf(RoutingException.class)
                  .hasMessage(
                      origin
                          + "/v1/chat/completions did not answer within the request timeout of"
                          + " 1 s"));
    }
  }

  @Test
  void an_endless_router_answer_is_cut_off_at_the_cap_and_said_so() {
    String origin =
        serve(
            out -> {
              head(out, "application/json", "Transfer-Encoding: chunked\r\n");
              endlessChunks(out, "{\"choices\": [".repeat(500));
            });

    try (var selector = selector(origin, Duration.ofSeconds(60))) {
      assertTimeoutPreemptively(
          NEVER_LONGER,
          () ->
              assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
                  .isInstanceOf(RoutingException.class)
                  .hasMessage(
                      origin
                          + "/v1/chat/completions answered more than 4 MiB, far more than any"
                          + " router's answer; RouteBench stopped reading it. Is this address a"
                          + " router endpoint?"));
    }
  }

  @Test
  void an_endless_model_list_is_cut_off_too() {
    String origin =
        serve(
            out -> {
              head(out, "application/json", "Transfer-Encoding: chunked\r\n");
              endlessChunks(out, "{\"data\": [".repeat(500));
            });

    try (var selector = selector(origin, Duration.ofSeconds(60))) {
      assertTimeoutPreemptively(
          NEVER_LONGER,
          () ->
              assertThatThrownBy(selector::listModels)
                  .isInstanceOf(RoutingException.class)
                  .hasMessageContaining("/v1/models answered more than 4 MiB"));
    }
  }

  @Test
  void plano_connecting_to_an_endless_model_list_is_cut_off_at_the_cap() {
    String origin =
        serve(
            out -> {
              head(out, "application/json", "Transfer-Encoding: chunked\r\n");
              endlessChunks(out, "{\"data\": [".repeat(500));
            });

    try (var plano = plano(origin, Duration.ofSeconds(60))) {
      assertTimeoutPreemptively(
          NEVER_LONGER,
          () ->
              assertThatThrownBy(plano::connect)
                  .isInstanceOf(RoutingException.class)
                  .hasMessageContaining("/v1/models")
                  .hasMessageContaining("4 MiB"));
    }
  }

  @Test
  void plano_connecting_to_a_model_list_that_trickles_cannot_outlast_the_timeout() {
    String origin =
        serve(
            out -> {
              head(out, "application/json", "Content-Length: 1000000\r\n");
              trickle(out);
            });

    try (var plano = plano(origin, Duration.ofSeconds(1))) {
      assertTimeoutPreemptively(
          NEVER_LONGER,
          () ->
              assertThatThrownBy(plano::connect)
                  .isInstanceOf(RoutingException.class)
                  .hasMessage(
                      origin + "/v1/models did not answer within the request timeout of 1 s"));
    }
  }

  private static PlanoRouteSelector plano(String origin, Duration requestTimeout) {
    return new PlanoRouteSelector(
        new PlanoListenerSettings(origin, Duration.ofSeconds(5), requestTimeout, 1),
        RetryPolicies.NO_WAIT);
  }

  @Test
  void an_endless_streamed_reply_is_cut_off_keeping_what_came() {
    String event = "data: {\"choices\":[{\"delta\":{\"content\":\"la \"}}]}\n\n";
    String origin =
        serve(
            out -> {
              head(out, "text/event-stream", "Transfer-Encoding: chunked\r\n");
              endlessChunks(out, event.repeat(200));
            });
    var pieces = new StringBuilder();

    try (var client = new StreamingChatClient(Map.<String, String>of()::get)) {
      assertTimeoutPreemptively(
          NEVER_LONGER,
          () ->
              assertThatThrownBy(
                      () ->
                          client.reply(
                              settings(origin, Duration.ofSeconds(60)),
                              REQUEST.conversation(),
                              pieces::append,
                              CancellationToken.none()))
                  .isInstanceOf(ChatReplyException.class)
                  .hasMessage(
                      origin
                          + "/v1/chat/completions sent more than 16 MiB, far more than any reply;"
                          + " RouteBench stopped reading it (what came before is kept)"));
    }
    assertThat(pieces).startsWith("la la la ");
  }

  @Test
  void a_streamed_reply_that_stops_sending_ends_after_the_timeout() {
    String origin =
        serve(
            out -> {
              head(out, "text/event-stream", "");
              out.write(
                  "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n"
                      .getBytes(StandardCharsets.UTF_8));
              out.flush();
              sleepForever();
            });
    var pieces = new StringBuilder();

    try (var client = new StreamingChatClient(Map.<String, String>of()::get)) {
      assertTimeoutPreemptively(
          NEVER_LONGER,
          () ->
              assertThatThrownBy(
                      () ->
                          client.reply(
                              settings(origin, Duration.ofSeconds(1)),
                              REQUEST.conversation(),
                              pieces::append,
                              CancellationToken.none()))
                  .isInstanceOf(ChatReplyException.class)
                  .hasMessageContaining("stopped sending for 1 s in the middle of its reply"));
    }
    assertThat(pieces.toString()).isEqualTo("Hello");
  }

  /** What the server does with each connection once the request has arrived. */
  private interface Behaviour {
    void answer(OutputStream out) throws IOException, InterruptedException;
  }

  /** A server on 127.0.0.1 that answers every connection with {@code behaviour}. */
  private String serve(Behaviour behaviour) {
    try {
      var listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      open.add(listener);
      Thread.ofVirtual()
          .start(
              () -> {
                while (!listener.isClosed()) {
                  try {
                    Socket socket = listener.accept();
                    open.add(socket);
                    Thread.ofVirtual().start(() -> handle(socket, behaviour));
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      return "http://127.0.0.1:" + listener.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void handle(Socket socket, Behaviour behaviour) {
    try (socket) {
      readRequest(socket);
      behaviour.answer(socket.getOutputStream());
    } catch (IOException | InterruptedException clientWentAway) {
      // The client cut the exchange off: that is what the tests want.
    }
  }

  /** Reads the request head and its body (by Content-Length) so the client has sent it all. */
  private static void readRequest(Socket socket) throws IOException {
    var in = socket.getInputStream();
    var head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).strip()));
      }
    }
  }

  private static void head(OutputStream out, String contentType, String extraHeaders)
      throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n" + extraHeaders + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void trickle(OutputStream out) throws IOException, InterruptedException {
    while (true) {
      out.write(' ');
      out.flush();
      Thread.sleep(1_000);
    }
  }

  private static void endlessChunks(OutputStream out, String chunk) throws IOException {
    byte[] data = chunk.getBytes(StandardCharsets.UTF_8);
    byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    while (true) {
      out.write(size);
      out.write(data);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void sleepForever() throws InterruptedException {
    Thread.sleep(Long.MAX_VALUE);
  }

  private static OpenAiEndpointSettings settings(String origin, Duration timeout) {
    return new OpenAiEndpointSettings(origin, "router", "", Duration.ofSeconds(5), timeout, 1);
  }

  private static OpenAiEndpointRouteSelector selector(String origin, Duration timeout) {
    return new OpenAiEndpointRouteSelector(
        settings(origin, timeout), Map.<String, String>of()::get, RetryPolicies.NO_WAIT);
  }
}
