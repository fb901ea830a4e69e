package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiEndpointRouteSelectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M";
  private static final List<RouteOption> ROUTES =
      List.of(
          new RouteOption("code generation", "Writing new code from a description."),
          new RouteOption("debugging", "Finding why code fails: \"errors\", crashes."));
  private static final RouteRequest REQUEST =
      new RouteRequest(
          ROUTES,
          List.of(
              Message.user("Write a parser in Java"),
              Message.assistant("Here you go."),
              Message.user("It throws an NPE on empty input — why? 中文 😀")),
          PromptProfile.ARCHGW_V1);

  private FakeChatServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new FakeChatServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void sends_the_exact_production_request_and_reads_the_route() throws IOException {
    server.answeringContent("\"{\\\"route\\\": \\\"debugging\\\"}\"", null);

    RouterAnswer answer;
    try (var selector = selector(settings(server.origin(), ""))) {
      answer = selector.select(REQUEST, CancellationToken.none());
    }

    var request = server.onlyRequest();
    String prompt = RouterPromptBuilder.build(REQUEST).text();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().containsKey("Authorization")).isFalse();
    assertThat(request.body())
        .isEqualTo(
            ("{\"model\":\""
                    + MODEL
                    + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + JSON.writeValueAsString(prompt)
                    + "}],\"temperature\":0.01}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(JSON.readTree(request.body()).at("/messages/0/content").asText()).isEqualTo(prompt);
    assertThat(answer.rawOutput()).isEqualTo("{\"route\": \"debugging\"}");
    assertThat(answer.routeName()).isEqualTo("debugging");
    assertThat(answer.profile()).isEqualTo(PromptProfile.ARCHGW_V1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/v1", "/v1/", "/v1/chat/completions"})
  void base_urls_with_or_without_v1_reach_the_completions_path(String suffix) {
    server.answeringContent("\"{\\\"route\\\": \\\"other\\\"}\"", null);

    try (var selector = selector(settings(server.origin() + suffix, ""))) {
      assertThat(selector.select(REQUEST, CancellationToken.none()).routeName()).isEqualTo("other");
    }

    assertThat(server.onlyRequest().path()).isEqualTo("/v1/chat/completions");
  }

  @Test
  void plano_requests_send_the_plano_prompt_and_skip_unknown_names_in_the_answer() {
    server.answeringContent("\"{\\\"route\\\": [\\\"bogus\\\", \\\"debugging\\\"]}\"", null);
    var plano = new RouteRequest(ROUTES, REQUEST.conversation(), PromptProfile.PLANO_V1);

    RouterAnswer answer;
    try (var selector = selector(settings(server.origin(), ""))) {
      answer = selector.select(plano, CancellationToken.none());
    }

    assertThat(server.onlyRequest().bodyText())
        .contains("## Instructions")
        .contains("\\\"parameters\\\": {\\\"type\\\": \\\"object\\\"");
    assertThat(answer.routeName()).isEqualTo("debugging");
    assertThat(answer.profile()).isEqualTo(PromptProfile.PLANO_V1);
  }

  @Test
  void arch_routers_string_answer_to_a_plano_prompt_is_a_proxy_error_with_its_raw_output() {
    server.answeringContent("\"{\\\"route\\\": \\\"debugging\\\"}\"", null);
    var plano = new RouteRequest(ROUTES, REQUEST.conversation(), PromptProfile.PLANO_V1);

    RouterAnswer answer;
    try (var selector = selector(settings(server.origin(), ""))) {
      answer = selector.select(plano, CancellationToken.none());
    }

    assertThat(answer.rawOutput()).isEqualTo("{\"route\": \"debugging\"}");
    assertThat(answer.failsInProxy()).isTrue();
    assertThat(answer.reading().proxyError())
        .isEqualTo("\"route\" is a string where plano expects a list");
    assertThat(answer.isPreview()).isFalse();
  }

  @Test
  void token_counts_come_from_usage_with_cached_tokens_as_reused() {
    server.answeringContent(
        "\"{\\\"route\\\": \\\"debugging\\\"}\"",
        "{\"prompt_tokens\":321,\"completion_tokens\":7,\"total_tokens\":328,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":300}}");

    DecisionTiming timing;
    try (var selector = selector(settings(server.origin(), ""))) {
      timing = selector.select(REQUEST, CancellationToken.none()).timing();
    }

    assertThat(timing.promptTokens()).isEqualTo(321);
    assertThat(timing.reusedTokens()).isEqualTo(300);
    assertThat(timing.evaluatedTokens()).isEqualTo(21);
    assertThat(timing.generatedTokens()).isEqualTo(7);
    assertThat(timing.totalMillis()).isNotNegative();
  }

  @Test
  void llama_server_timings_fill_prompt_and_decode_times() {
    server.answering(
        200,
        "{\"choices\":[{\"message\":{\"content\":\"{\\\"route\\\": \\\"other\\\"}\"}}],"
            + "\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":6},"
            + "\"timings\":{\"prompt_ms\":41.6,\"predicted_ms\":12.2}}");

    DecisionTiming timing;
    try (var selector = selector(settings(server.origin(), ""))) {
      timing = selector.select(REQUEST, CancellationToken.none()).timing();
    }

    assertThat(timing.promptMillis()).isEqualTo(42);
    assertThat(timing.decodeMillis()).isEqualTo(12);
    assertThat(timing.reusedTokens()).isZero();
    assertThat(timing.evaluatedTokens()).isEqualTo(500);
  }

  @Test
  void without_usage_only_the_wall_clock_is_known() {
    server.answeringContent("\"{\\\"route\\\": \\\"other\\\"}\"", null);

    DecisionTiming timing;
    try (var selector = selector(settings(server.origin(), ""))) {
      timing = selector.select(REQUEST, CancellationToken.none()).timing();
    }

    assertThat(timing.promptTokens()).isZero();
    assertThat(timing.generatedTokens()).isZero();
    assertThat(timing.totalMillis()).isNotNegative();
  }

  @Test
  void the_api_key_is_read_from_the_named_environment_variable_at_each_request() {
    server.answeringContent("\"{\\\"route\\\": \\\"other\\\"}\"", null);
    var environment = new HashMap<String, String>(Map.of("ROUTER_KEY", "s3cret"));

    try (var selector =
        new OpenAiEndpointRouteSelector(
            settings(server.origin(), "ROUTER_KEY"), environment::get, RetryPolicies.NO_WAIT)) {
      selector.select(REQUEST, CancellationToken.none());
      environment.put("ROUTER_KEY", "rotated");
      selector.select(REQUEST, CancellationToken.none());
    }

    assertThat(server.received())
        .extracting(r -> r.headers().getFirst("Authorization"))
        .containsExactly("Bearer s3cret", "Bearer rotated");
  }

  @Test
  void a_dollar_reference_as_written_in_proxy_configs_names_the_variable() {
    assertThat(settings(server.origin(), "$ROUTER_KEY").apiKeyEnvironmentVariable())
        .isEqualTo("ROUTER_KEY");
  }

  @Test
  void a_missing_key_variable_fails_before_anything_is_sent() {
    try (var selector =
        new OpenAiEndpointRouteSelector(
            settings(server.origin(), "ROUTER_KEY"), name -> null, RetryPolicies.NO_WAIT)) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessage(
              "environment variable ROUTER_KEY is not set; it should hold the API key for "
                  + server.origin());
    }
    assertThat(server.received()).isEmpty();
  }

  @Test
  void identity_names_model_and_endpoint_but_never_the_key() {
    try (var selector =
        new OpenAiEndpointRouteSelector(
            settings(server.origin() + "/", "ROUTER_KEY"),
            name -> "s3cret",
            RetryPolicies.NO_WAIT)) {
      var identity = selector.identity(PromptProfile.PLANO_V1);

      assertThat(identity.kind()).isEqualTo("openai-endpoint");
      assertThat(identity.model()).isEqualTo(MODEL + " @ " + server.origin() + "/v1");
      assertThat(identity.modelSha256()).isEmpty();
      assertThat(identity.profile()).isEqualTo(PromptProfile.PLANO_V1);
      assertThat(identity.settings())
          .containsEntry("endpoint", server.origin() + "/v1")
          .containsEntry("temperature", "0.01");
      assertThat(identity.toString()).doesNotContain("s3cret");
    }
  }

  @Test
  void a_server_that_is_not_running_is_named() throws IOException {
    int freePort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }

    try (var selector = selector(settings("http://127.0.0.1:" + freePort, ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessage("cannot reach http://127.0.0.1:" + freePort + " — is the server running?");
    }
  }

  @Test
  void a_connection_that_is_never_accepted_names_the_connect_timeout() throws IOException {
    // On Linux a listener whose accept queue is full drops further connection attempts, so
    // connecting hangs; other systems may refuse instead, and then this case cannot be staged.
    try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var queued = new ArrayList<Socket>();
      try {
        boolean queueFull = false;
        for (int i = 0; i < 8 && !queueFull; i++) {
          var socket = new Socket();
          queued.add(socket);
          try {
            socket.connect(listener.getLocalSocketAddress(), 200);
          } catch (SocketTimeoutException hanging) {
            queueFull = true;
          } catch (ConnectException refused) {
            break;
          }
        }
        assumeTrue(queueFull, "this system refuses rather than drops surplus connections");
        String origin = "http://127.0.0.1:" + listener.getLocalPort();
        var impatient =
            new OpenAiEndpointSettings(
                origin, MODEL, "", Duration.ofMillis(300), Duration.ofSeconds(5), 1);

        try (var selector = selector(impatient)) {
          assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
              .isInstanceOf(RoutingException.class)
              .hasMessage(
                  "cannot reach "
                      + origin
                      + ": no connection within the connect timeout of 300 ms");
        }
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  @Test
  void a_slow_answer_names_the_request_timeout() {
    server.holdingAnswers();
    var slow =
        new OpenAiEndpointSettings(
            server.origin(), MODEL, "", Duration.ofSeconds(5), Duration.ofMillis(300), 1);

    try (var selector = selector(slow)) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessage(
              server.origin()
                  + "/v1/chat/completions did not answer within the request timeout of 300 ms");
    }
  }

  @Test
  void an_http_error_shows_its_status_and_what_the_server_said() {
    server.answering(
        404, "{\"error\":\"model \\\"arch-router\\\" not found, try pulling it first\"}");

    try (var selector = selector(settings(server.origin(), ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessage(
              server.origin()
                  + "/v1/chat/completions answered HTTP 404: "
                  + "{\"error\":\"model \\\"arch-router\\\" not found, try pulling it first\"}");
    }
  }

  @Test
  void a_long_error_body_is_cut_to_a_one_line_excerpt() {
    server.answering(500, "line one\n" + "x".repeat(1000));

    try (var selector = selector(settings(server.origin(), ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessageContaining("answered HTTP 500: line one xxx")
          .hasMessageEndingWith("x …")
          .hasMessageNotContaining("\n")
          .message()
          .hasSizeLessThan(400);
    }
  }

  @Test
  void an_authentication_failure_points_at_the_key_variable() {
    server.answering(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");

    try (var selector =
        new OpenAiEndpointRouteSelector(
            settings(server.origin(), "ROUTER_KEY"), name -> "wrong", RetryPolicies.NO_WAIT)) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessageContaining("answered HTTP 401 (check the API key in ROUTER_KEY): ")
          .hasMessageContaining("Incorrect API key provided");
    }
  }

  @Test
  void an_empty_error_body_is_said_to_be_empty() {
    server.answering(500, "");

    try (var selector = selector(settings(server.origin(), ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .hasMessageEndingWith("answered HTTP 500: (empty body)");
    }
  }

  @Test
  void malformed_json_is_reported_with_the_body() {
    server.answering(200, "<html>proxy error</html>");

    try (var selector = selector(settings(server.origin(), ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessageStartingWith(server.origin() + "/v1/chat/completions answered malformed JSON")
          .hasMessageEndingWith("instead of a chat completion: <html>proxy error</html>");
    }
  }

  @Test
  void an_answer_without_choices_is_reported() {
    server.answering(200, "{\"object\":\"chat.completion\",\"choices\":[]}");

    try (var selector = selector(settings(server.origin(), ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessage(
              server.origin()
                  + "/v1/chat/completions answered no choices instead of a chat completion: "
                  + "{\"object\":\"chat.completion\",\"choices\":[]}");
    }
  }

  @Test
  void a_choice_without_text_content_is_reported() {
    server.answering(
        200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null}}]}");

    try (var selector = selector(settings(server.origin(), ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessageContaining("answered no text in choices[0].message.content instead of");
    }
  }

  @Test
  void sloppy_content_is_judged_as_the_proxy_judges_it() {
    server.answeringContent("\"```json{'route': 'debugging'}```\"", null);

    try (var selector = selector(settings(server.origin(), ""))) {
      RouterAnswer answer = selector.select(REQUEST, CancellationToken.none());

      assertThat(answer.rawOutput()).isEqualTo("```json{'route': 'debugging'}```");
      assertThat(answer.routeName()).isEqualTo("debugging");
    }
  }

  @Test
  void cancelling_aborts_the_request_in_flight() throws Exception {
    server.holdingAnswers();
    var cancellation = new CancellationToken();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (var selector = selector(settings(server.origin(), ""))) {
      Future<RouterAnswer> pending = caller.submit(() -> selector.select(REQUEST, cancellation));
      assertThat(server.awaitFirstRequest()).isTrue();

      cancellation.cancel();

      assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RoutingCancelledException.class);
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void an_already_cancelled_request_sends_nothing() {
    var cancellation = new CancellationToken();
    cancellation.cancel();

    try (var selector = selector(settings(server.origin(), ""))) {
      assertThatThrownBy(() -> selector.select(REQUEST, cancellation))
          .isInstanceOf(RoutingCancelledException.class);
    }
    assertThat(server.received()).isEmpty();
  }

  @Test
  void batches_answer_in_request_order() {
    server.answeringContent("\"{\\\"route\\\": \\\"code generation\\\"}\"", null);

    List<RouterAnswer> answers;
    try (var selector = selector(settings(server.origin(), ""))) {
      answers =
          selector.selectAll(
              List.of(REQUEST, REQUEST, REQUEST),
              (index, answer, done, total) -> {},
              CancellationToken.none());
    }

    assertThat(answers).extracting(RouterAnswer::routeName).containsOnly("code generation");
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void a_base_url_that_is_not_http_is_rejected_when_configured() {
    assertThatThrownBy(() -> selector(settings("ftp://127.0.0.1:1234", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endpoint URL must start with http:// or https://: \"ftp://127.0.0.1:1234\"");
  }

  private static OpenAiEndpointSettings settings(String baseUrl, String keyVariable) {
    return new OpenAiEndpointSettings(baseUrl, MODEL, keyVariable);
  }

  private static OpenAiEndpointRouteSelector selector(OpenAiEndpointSettings settings) {
    return new OpenAiEndpointRouteSelector(settings, name -> null, RetryPolicies.NO_WAIT);
  }
}
