package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.taxonomy.SelectionPreference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlanoRouteSelectorTest {

  private static final List<RouteOption> ROUTES =
      List.of(
          new RouteOption(
              "code generation",
              "Writing new code from a description.",
              List.of("anthropic/claude-sonnet-4-6", "openai/gpt-4o"),
              SelectionPreference.CHEAPEST),
          new RouteOption(
              "debugging",
              "Finding why code fails.",
              List.of("openai/gpt-4o"),
              SelectionPreference.NONE));

  private static final List<String> DECLARED =
      List.of("anthropic/claude-sonnet-4-6", "openai/gpt-4o", "openai/gpt-4o-mini");

  private PlanoStandIn plano;
  private PlanoRouteSelector selector;

  @AfterEach
  void stop() {
    if (selector != null) {
      selector.close();
    }
    if (plano != null) {
      plano.close();
    }
  }

  private static RouteRequest request(String lastUserMessage) {
    return new RouteRequest(
        ROUTES,
        List.of(
            Message.user("Write a parser in Java"),
            Message.assistant("Here you go."),
            Message.user(lastUserMessage)),
        PromptProfile.PLANO_V1,
        0,
        "openai/gpt-4o-mini");
  }

  private PlanoRouteSelector connectedTo(PlanoStandIn standIn) {
    selector =
        new PlanoRouteSelector(new PlanoListenerSettings(standIn.address()), RetryPolicies.NO_WAIT);
    selector.connect();
    return selector;
  }

  @Test
  void each_decision_sends_the_conversation_and_the_routes_as_routing_preferences_with_models()
      throws IOException {
    plano = new PlanoStandIn(DECLARED, Map.of()).routingByKeyword(Map.of("NPE", "debugging"));

    RouterAnswer answer =
        connectedTo(plano).select(request("It throws an NPE — why?"), new CancellationToken());

    assertThat(answer.routeName()).isEqualTo("debugging");
    assertThat(answer.reading().rankedModels()).containsExactly("openai/gpt-4o");
    assertThat(answer.reading().isProxyDecision()).isTrue();
    assertThat(answer.failsInProxy()).isFalse();
    assertThat(answer.rawOutput()).contains("\"route\":\"debugging\"");

    PlanoStandIn.Received sent = plano.routingRequests().get(0);
    assertThat(sent.path()).isEqualTo("/routing/v1/chat/completions");
    // Each turn is decided on its own, not pinned to the model of the conversation's first turn.
    assertThat(sent.headers()).containsEntry("x-plano-cache", "off");
    JsonNode body = sent.body();
    assertThat(body.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
    assertThat(body.path("messages")).hasSize(3);
    assertThat(body.at("/messages/2/role").asText()).isEqualTo("user");
    assertThat(body.at("/messages/2/content").asText()).isEqualTo("It throws an NPE — why?");
    JsonNode first = body.at("/routing_preferences/0");
    assertThat(first.path("name").asText()).isEqualTo("code generation");
    assertThat(first.path("description").asText())
        .isEqualTo("Writing new code from a description.");
    assertThat(first.path("models").toString())
        .isEqualTo("[\"anthropic/claude-sonnet-4-6\",\"openai/gpt-4o\"]");
    assertThat(first.at("/selection_policy/prefer").asText()).isEqualTo("cheapest");
    assertThat(body.path("routing_preferences")).hasSize(2);
  }

  @Test
  void the_inline_routes_override_plano_s_config_for_the_request() throws IOException {
    // The config knows only "chit-chat"; the request's routes are the ones plano decides on.
    plano =
        new PlanoStandIn(DECLARED, Map.of("chit-chat", List.of("openai/gpt-4o-mini")))
            .routingWith((conversation, names) -> List.of(names.get(0)));

    RouterAnswer answer = connectedTo(plano).select(request("hello"), new CancellationToken());

    assertThat(answer.routeName()).isEqualTo("code generation");
  }

  @Test
  void no_route_is_plano_s_null_route_and_goes_to_the_default() throws IOException {
    plano = new PlanoStandIn(DECLARED, Map.of()).routingByKeyword(Map.of());

    RouterAnswer answer = connectedTo(plano).select(request("hi there"), new CancellationToken());

    assertThat(answer.routeName()).isEmpty();
    assertThat(answer.failsInProxy()).isFalse();
    assertThat(answer.reading().rankedModels()).containsExactly("none");
  }

  @Test
  void plano_failing_to_determine_a_route_is_a_proxy_error_in_plano_s_words() throws IOException {
    plano =
        new PlanoStandIn(DECLARED, Map.of())
            .routingWith(
                (conversation, names) -> {
                  throw new PlanoStandIn.OrchestratorFailure(
                      "Orchestrator model error: invalid type: string \"debugging\", expected a"
                          + " sequence");
                });

    RouterAnswer answer = connectedTo(plano).select(request("why?"), new CancellationToken());

    assertThat(answer.failsInProxy()).isTrue();
    assertThat(answer.reading().proxyError())
        .startsWith("plano answered HTTP 500: InternalServerError: Failed to determine route:")
        .contains("expected a sequence");
    assertThat(answer.rawOutput()).startsWith("HTTP 500 {\"error\"");
  }

  @Test
  void a_route_to_a_model_plano_does_not_declare_is_a_proxy_error() throws IOException {
    plano =
        new PlanoStandIn(List.of("openai/gpt-4o"), Map.of())
            .routingByKeyword(Map.of("parser", "code generation"));

    RouterAnswer answer =
        connectedTo(plano).select(request("another parser please"), new CancellationToken());

    assertThat(answer.failsInProxy()).isTrue();
    assertThat(answer.reading().proxyError())
        .contains("'anthropic/claude-sonnet-4-6'", "do not declare", "declared: openai/gpt-4o");
  }

  @Test
  void a_wildcard_provider_declares_every_model_of_its_provider() throws IOException {
    plano =
        new PlanoStandIn(List.of("anthropic/*", "openai/gpt-4o"), Map.of())
            .routingByKeyword(Map.of("parser", "code generation"));

    RouterAnswer answer =
        connectedTo(plano).select(request("another parser please"), new CancellationToken());

    assertThat(answer.failsInProxy()).isFalse();
    assertThat(answer.routeName()).isEqualTo("code generation");
  }

  @Test
  void a_server_that_is_not_plano_is_said_at_connect() throws IOException {
    plano = new PlanoStandIn(DECLARED, Map.of());
    selector =
        new PlanoRouteSelector(
            new PlanoListenerSettings(plano.address() + "/nothing-here"), RetryPolicies.NO_WAIT);

    assertThatThrownBy(selector::connect)
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("a plano listener");
  }

  @Test
  void plano_not_running_is_said_in_words() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    selector =
        new PlanoRouteSelector(
            new PlanoListenerSettings("http://127.0.0.1:" + port), RetryPolicies.NO_WAIT);

    assertThatThrownBy(selector::connect)
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("cannot reach plano at http://127.0.0.1:" + port)
        .hasMessageContaining("is plano running");
  }

  @Test
  void a_suite_keeps_several_decisions_in_flight_and_answers_in_request_order() throws IOException {
    var gate = new java.util.concurrent.CountDownLatch(4);
    plano =
        new PlanoStandIn(DECLARED, Map.of())
            .routingWith(
                (conversation, names) -> {
                  // Held until four decisions are being worked on at once.
                  gate.countDown();
                  try {
                    gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  String last = conversation.get(conversation.size() - 1).get("content");
                  return List.of(last.contains("bug") ? "debugging" : "code generation");
                });
    selector =
        new PlanoRouteSelector(
            new PlanoListenerSettings(plano.address()).withParallelRequests(4),
            RetryPolicies.NO_WAIT);
    var requests = new ArrayList<RouteRequest>();
    for (int i = 0; i < 8; i++) {
      requests.add(request(i % 2 == 0 ? "a bug " + i : "new code " + i));
    }

    List<RouterAnswer> answers =
        selector.selectAll(requests, BatchProgressListener.NONE, new CancellationToken());

    assertThat(plano.maxInFlight()).isEqualTo(4);
    assertThat(answers)
        .extracting(RouterAnswer::routeName)
        .containsExactly(
            "debugging",
            "code generation",
            "debugging",
            "code generation",
            "debugging",
            "code generation",
            "debugging",
            "code generation");
  }

  @Test
  void the_listener_is_found_in_what_users_paste() {
    for (String pasted :
        List.of(
            "http://127.0.0.1:12000",
            "http://127.0.0.1:12000/",
            "http://127.0.0.1:12000/v1",
            "http://127.0.0.1:12000/v1/chat/completions",
            "http://127.0.0.1:12000/routing/v1/chat/completions")) {
      PlanoUrl url = PlanoUrl.parse(pasted);
      assertThat(url.routing().toString())
          .as(pasted)
          .isEqualTo("http://127.0.0.1:12000/routing/v1/chat/completions");
      assertThat(url.models().toString()).isEqualTo("http://127.0.0.1:12000/v1/models");
    }
  }
}
