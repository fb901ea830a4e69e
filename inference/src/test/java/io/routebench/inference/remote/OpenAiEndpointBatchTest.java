package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.BatchRequestFailedException;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.remote.FakeChatServer.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression-run batches against a batching server: parallelism, order, retries, failures. A lost
 * request would leave a batch waiting forever, so each test fails after a minute instead.
 */
@Timeout(60)
class OpenAiEndpointBatchTest {

  private static final String MODEL = "arch-router";
  private static final List<RouteOption> ROUTES =
      List.of(
          new RouteOption("code generation", "Writing new code from a description."),
          new RouteOption("debugging", "Finding why code fails."));
  private static final Pattern QUESTION = Pattern.compile("question (\\d+)\\b");

  private FakeChatServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new FakeChatServer().answeringWith(OpenAiEndpointBatchTest::routeByQuestion);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void a_batch_keeps_n_requests_in_flight_and_answers_in_request_order() {
    // Rounds fill at once when four are sent together; the patience only ends a short tail.
    server.answeringInRoundsOf(4, Duration.ofSeconds(3));
    var heard = Collections.synchronizedList(new ArrayList<int[]>());
    var listenerThreads = Collections.synchronizedSet(new HashSet<Thread>());

    List<RouterAnswer> answers;
    try (var selector = selector(settings(4))) {
      answers =
          selector.selectAll(
              questions(20),
              (index, answer, done, total) -> {
                heard.add(new int[] {index, done, total});
                listenerThreads.add(Thread.currentThread());
              },
              CancellationToken.none());
    }

    assertThat(server.maxInFlight()).isEqualTo(4);
    assertThat(server.received()).hasSize(20);
    assertThat(answers)
        .extracting(RouterAnswer::routeName)
        .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> expectedRoute(i)).toList());
    assertThat(heard).extracting(h -> h[0]).containsExactlyInAnyOrderElementsOf(range(20));
    assertThat(heard).extracting(h -> h[1]).containsExactlyElementsOf(range(1, 21));
    assertThat(heard).extracting(h -> h[2]).containsOnly(20);
    assertThat(listenerThreads).containsExactly(Thread.currentThread());
  }

  @Test
  void one_parallel_request_sends_the_batch_one_at_a_time() {
    // A second request sent alongside the first would fill the round at once.
    server.answeringInRoundsOf(2, Duration.ofMillis(200));

    try (var selector = selector(settings(1))) {
      selector.selectAll(
          questions(3), (index, answer, done, total) -> {}, CancellationToken.none());
    }

    assertThat(server.maxInFlight()).isEqualTo(1);
  }

  @Test
  void a_rate_limited_request_waits_as_retry_after_says_and_then_succeeds() {
    server.replyingFirst(new Reply(429, Map.of("Retry-After", "1"), "{\"error\":\"slow down\"}"));

    RouterAnswer answer;
    try (var selector = selector(settings(8))) {
      answer = selector.select(questions(1).get(0), CancellationToken.none());
    }

    assertThat(answer.routeName()).isEqualTo("debugging");
    List<FakeChatServer.Received> received = server.received();
    assertThat(received).hasSize(2);
    assertThat(received.get(1).arrivalNanos() - received.get(0).arrivalNanos())
        .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
  }

  @Test
  void a_dropped_connection_is_retried() {
    server.replyingFirst(Reply.DROP_CONNECTION);

    RouterAnswer answer;
    try (var selector = selector(settings(8))) {
      answer = selector.select(questions(1).get(0), CancellationToken.none());
    }

    assertThat(answer.routeName()).isEqualTo("debugging");
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void a_turn_still_refused_after_its_retries_fails_the_batch_naming_that_request() {
    server.answeringWith(
        request ->
            question(request) == 2
                ? new Reply(503, Map.of(), "{\"error\":\"all replicas busy\"}")
                : routeByQuestion(request));

    try (var selector = selector(settings(8))) {
      assertThatThrownBy(
              () ->
                  selector.selectAll(
                      questions(4), (index, answer, done, total) -> {}, CancellationToken.none()))
          .isInstanceOfSatisfying(
              BatchRequestFailedException.class,
              failed -> assertThat(failed.requestIndex()).isEqualTo(2))
          .hasMessage(
              "request 3 of 4: "
                  + server.origin()
                  + "/v1/chat/completions answered HTTP 503 (3 attempts): "
                  + "{\"error\":\"all replicas busy\"}");
    }
    assertThat(server.received()).filteredOn(r -> question(r) == 2).hasSize(3);
  }

  @Test
  void a_turn_that_runs_past_the_request_timeout_fails_naming_that_request() {
    server.holdingAnswers();
    var impatient =
        new OpenAiEndpointSettings(
            server.origin(), MODEL, "", Duration.ofSeconds(5), Duration.ofMillis(300), 1);

    try (var selector = selector(impatient)) {
      assertThatThrownBy(
              () ->
                  selector.selectAll(
                      questions(2), (index, answer, done, total) -> {}, CancellationToken.none()))
          .isInstanceOf(BatchRequestFailedException.class)
          .hasMessage(
              "request 1 of 2: "
                  + server.origin()
                  + "/v1/chat/completions did not answer within the request timeout of 300 ms");
    }
    // A timeout is not retried, and the batch stops at its first failure.
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void cancelling_with_requests_in_flight_returns_at_once_and_sends_nothing_more()
      throws Exception {
    server.holdingAnswers();
    var cancellation = new CancellationToken();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (var selector = selector(settings(4))) {
      Future<List<RouterAnswer>> batch =
          caller.submit(
              () ->
                  selector.selectAll(
                      questions(12), (index, answer, done, total) -> {}, cancellation));
      assertThat(server.awaitRequests(4)).isTrue();

      cancellation.cancel();

      assertThatThrownBy(() -> batch.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RoutingCancelledException.class);
    } finally {
      caller.shutdownNow();
    }
    assertThat(server.received()).hasSize(4);
  }

  @Test
  void the_api_key_is_not_sent_where_the_endpoint_redirects() throws IOException {
    try (var elsewhere = new FakeChatServer()) {
      server.answeringWith(
          request ->
              new Reply(307, Map.of("Location", elsewhere.origin() + "/v1/chat/completions"), ""));
      var keyed = new OpenAiEndpointSettings(server.origin(), MODEL, "ROUTER_KEY");

      try (var selector =
          new OpenAiEndpointRouteSelector(keyed, name -> "s3cret", RetryPolicies.NO_WAIT)) {
        assertThatThrownBy(() -> selector.select(questions(1).get(0), CancellationToken.none()))
            .isInstanceOf(RoutingException.class)
            .hasMessageContaining("answered HTTP 307");
      }
      assertThat(elsewhere.received()).isEmpty();
    }
  }

  /** Requests whose last user message is "question i", so the server can tell them apart. */
  private static List<RouteRequest> questions(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new RouteRequest(
                    ROUTES, List.of(Message.user("question " + i)), PromptProfile.ARCHGW_V1))
        .toList();
  }

  private static String expectedRoute(int question) {
    return question % 3 == 0 ? "debugging" : "code generation";
  }

  private static int question(FakeChatServer.Received request) {
    Matcher matcher = QUESTION.matcher(request.bodyText());
    if (!matcher.find()) {
      throw new AssertionError("no question in " + request.bodyText());
    }
    return Integer.parseInt(matcher.group(1));
  }

  private static Reply routeByQuestion(FakeChatServer.Received request) {
    String route = expectedRoute(question(request));
    return new Reply(
        200,
        Map.of(),
        FakeChatServer.completion("\"{\\\"route\\\": \\\"" + route + "\\\"}\"", null));
  }

  private static List<Integer> range(int end) {
    return range(0, end);
  }

  private static List<Integer> range(int start, int end) {
    return IntStream.range(start, end).boxed().toList();
  }

  private OpenAiEndpointSettings settings(int parallel) {
    return new OpenAiEndpointSettings(server.origin(), MODEL, "").withParallelRequests(parallel);
  }

  private static OpenAiEndpointRouteSelector selector(OpenAiEndpointSettings settings) {
    return new OpenAiEndpointRouteSelector(settings, name -> null, RetryPolicies.NO_WAIT);
  }
}
