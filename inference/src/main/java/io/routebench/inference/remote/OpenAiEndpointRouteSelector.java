package io.routebench.inference.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.prompt.RouterAnswerParser;
import io.routebench.inference.prompt.RouterPromptBuilder;
import io.routebench.inference.remote.ChatCompletionsJson.Completion;
import io.routebench.inference.remote.ChatCompletionsJson.MalformedCompletionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Asks a router served behind an OpenAI-compatible {@code /v1/chat/completions} endpoint, sending
 * what production sends: the exact router prompt as one user message, at temperature 0.01.
 *
 * <p>A regression run keeps several requests in flight ({@link #selectAll}); a busy server (HTTP
 * 429/502/503/504, honouring {@code Retry-After}) and a dropped connection are retried with backoff
 * ({@link RetryPolicy}). Every failure that remains becomes a {@link RoutingException} a user can
 * act on: the server is not running, a timeout (named) ran out, the server refused (its status and
 * what it said), or it answered something that is not a chat completion. Cancelling the token
 * aborts the HTTP exchanges in flight.
 */
public final class OpenAiEndpointRouteSelector implements RouteSelector {

  private static final int EXCERPT_CHARS = 300;

  private final OpenAiEndpointSettings settings;
  private final EndpointUrl url;
  private final UnaryOperator<String> environment;
  private final RetryPolicy retry;
  private final HttpClient client;
  private final Exchanges exchanges = new Exchanges();

  /**
   * @throws IllegalArgumentException when the base URL is not an http(s) URL
   */
  public OpenAiEndpointRouteSelector(OpenAiEndpointSettings settings) {
    this(settings, System::getenv, RetryPolicy.DEFAULT);
  }

  /**
   * With a stand-in for the process environment, so tests need not set real variables, and a retry
   * policy of their own, so they need not wait for real backoff.
   */
  OpenAiEndpointRouteSelector(
      OpenAiEndpointSettings settings, UnaryOperator<String> environment, RetryPolicy retry) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.url = EndpointUrl.parse(settings.baseUrl());
    this.environment = Objects.requireNonNull(environment, "environment");
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .build();
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return new EngineIdentity(
        "openai-endpoint",
        settings.model() + " @ " + url.apiBase(),
        "",
        profile,
        Map.of(
            "endpoint", url.apiBase().toString(),
            "temperature", Double.toString(ChatCompletionsJson.PRODUCTION_TEMPERATURE)));
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    return new InFlightBatch(client, exchanges, retry, 1, List.of(request))
        .answer(BatchProgressListener.NONE, cancellation, false)
        .get(0);
  }

  /** Each request is its own HTTP exchange; a batch keeps several in flight. */
  @Override
  public boolean answersConcurrently() {
    return true;
  }

  /**
   * Keeps up to {@link OpenAiEndpointSettings#parallelRequests()} requests in flight so a batching
   * server works on them together; answers come back in request order and reach {@code progress} on
   * the calling thread as they arrive (see {@link InFlightBatch}). A failure names its request
   * ({@link io.routebench.core.routing.BatchRequestFailedException}).
   */
  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    return new InFlightBatch(client, exchanges, retry, settings.parallelRequests(), requests)
        .answer(progress, cancellation, true);
  }

  /**
   * The ids of the models the server serves ({@code GET /v1/models}, which Ollama, vLLM,
   * llama-server and LM Studio all answer), with the same key, timeouts and failure messages as a
   * routing request: "Test connection" in the workbench.
   */
  public List<String> listModels() {
    URI models = URI.create(url.apiBase() + "/models");
    var http = HttpRequest.newBuilder(models).timeout(settings.requestTimeout()).GET();
    apiKey().ifPresent(key -> http.header("Authorization", "Bearer " + key));
    HttpResponse<String> response;
    try {
      response =
          BoundedExchange.sendAndWait(client, http.build(), BoundedExchange.MAX_RESPONSE_BYTES);
    } catch (IOException e) {
      throw failed(models, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingException("asking " + models + " was interrupted", e);
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw refused(models, response, 1);
    }
    try {
      JsonNode data = MODELS_JSON.readTree(response.body()).path("data");
      if (!data.isArray()) {
        throw new RoutingException(
            models + " answered something else than a model list: " + excerpt(response.body()));
      }
      var ids = new ArrayList<String>();
      data.forEach(model -> ids.add(model.path("id").asText("")));
      return ids.stream().filter(id -> !id.isBlank()).toList();
    } catch (JsonProcessingException e) {
      throw new RoutingException(
          models + " answered something else than JSON: " + excerpt(response.body()), e);
    }
  }

  private static final ObjectMapper MODELS_JSON = new ObjectMapper();

  /** What one exchange sends and how its response is read; shared by all batches. */
  private final class Exchanges implements InFlightBatch.Exchanges {

    @Override
    public HttpRequest prepare(RouteRequest request) {
      String prompt = RouterPromptBuilder.build(request).text();
      return httpRequest(ChatCompletionsJson.requestBody(settings.model(), prompt));
    }

    @Override
    public RouterAnswer read(
        RouteRequest request, HttpResponse<String> response, long totalMillis, int attempts) {
      if (response.statusCode() < 200 || response.statusCode() > 299) {
        throw refused(response, attempts);
      }
      Completion completion;
      try {
        completion = ChatCompletionsJson.readCompletion(response.body());
      } catch (MalformedCompletionException e) {
        throw new RoutingException(
            url.chatCompletions()
                + " answered "
                + e.getMessage()
                + " instead of a chat completion: "
                + excerpt(response.body()));
      }
      List<String> routeNames = request.routes().stream().map(RouteOption::name).toList();
      // The server decodes freely at the proxy's temperature: its answer is the production one.
      return new RouterAnswer(
          completion.content(),
          RouterAnswerParser.read(completion.content(), request.profile(), routeNames),
          request.profile(),
          completion.timing(totalMillis),
          AnswerExactness.EXACT);
    }

    @Override
    public RoutingException failed(Throwable cause, int attempts) {
      RoutingException failure = OpenAiEndpointRouteSelector.this.failed(cause);
      return attempts == 1
          ? failure
          : new RoutingException(
              failure.getMessage() + " (" + attempts + " attempts)", failure.getCause());
    }
  }

  /**
   * The key goes only to the configured endpoint: the request is addressed to it and the client
   * follows no redirects.
   */
  private HttpRequest httpRequest(String body) {
    var http =
        HttpRequest.newBuilder(url.chatCompletions())
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    apiKey().ifPresent(key -> http.header("Authorization", "Bearer " + key));
    return http.build();
  }

  /** Read at each request and never kept: the secret stays in the environment. */
  private Optional<String> apiKey() {
    if (!settings.usesApiKey()) {
      return Optional.empty();
    }
    String name = settings.apiKeyEnvironmentVariable();
    String key = environment.apply(name);
    if (key == null || key.isBlank()) {
      throw new RoutingException(
          "environment variable "
              + name
              + " is not set; it should hold the API key for "
              + url.origin());
    }
    return Optional.of(key.strip());
  }

  private RoutingException failed(Throwable cause) {
    return failed(url.chatCompletions(), cause);
  }

  private RoutingException failed(URI target, Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new RoutingException(
          "cannot reach "
              + url.origin()
              + ": no connection within the connect timeout of "
              + seconds(settings.connectTimeout()),
          cause);
    }
    // The client's own timeout (no headers yet) and the whole exchange's read alike: whichever
    // runs out first, the answer did not come within the timeout.
    if (cause instanceof HttpTimeoutException) {
      return new RoutingException(
          target
              + " did not answer within the request timeout of "
              + seconds(settings.requestTimeout()),
          cause);
    }
    if (cause instanceof BoundedExchange.ResponseTooLargeException tooLarge) {
      return new RoutingException(
          target
              + " answered more than "
              + tooLarge.limitInWords()
              + ", far more than any router's answer; RouteBench stopped reading it. Is this"
              + " address a router endpoint?",
          cause);
    }
    if (InFlightBatch.hasCause(cause, UnresolvedAddressException.class)) {
      return new RoutingException(
          "cannot reach " + url.origin() + " — unknown host " + url.apiBase().getHost(), cause);
    }
    if (InFlightBatch.hasCause(cause, ConnectException.class)) {
      return new RoutingException(
          "cannot reach " + url.origin() + " — is the server running?", cause);
    }
    if (cause instanceof IOException) {
      return new RoutingException("request to " + target + " failed: " + cause.getMessage(), cause);
    }
    return new RoutingException("request to " + target + " failed: " + cause, cause);
  }

  private RoutingException refused(HttpResponse<String> response, int attempts) {
    return refused(url.chatCompletions(), response, attempts);
  }

  private RoutingException refused(URI target, HttpResponse<String> response, int attempts) {
    int status = response.statusCode();
    String hint = "";
    if (status == 401 || status == 403) {
      hint =
          settings.usesApiKey()
              ? " (check the API key in " + settings.apiKeyEnvironmentVariable() + ")"
              : " (the server wants an API key; name its environment variable in the settings)";
    }
    return new RoutingException(
        target
            + " answered HTTP "
            + status
            + hint
            + (attempts == 1 ? "" : " (" + attempts + " attempts)")
            + ": "
            + excerpt(response.body()));
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  /** One line, short enough for a status bar, saying that it was cut. */
  static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    if (flat.isEmpty()) {
      return "(empty body)";
    }
    return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + " …";
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
