package io.routebench.inference.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.prompt.RouterAnswerParser;
import io.routebench.inference.prompt.RouterPromptBuilder;
import io.routebench.inference.remote.ChatCompletionsJson.Completion;
import io.routebench.inference.remote.ChatCompletionsJson.MalformedCompletionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
public final class OpenAiEndpointRouteSelector extends HttpRouteSelector {

  private static final int EXCERPT_CHARS = 300;

  private final OpenAiEndpointSettings settings;
  private final EndpointUrl url;
  private final UnaryOperator<String> environment;
  private final ReachFailures reach;
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
    // The URL is checked before the HTTP client (and its thread) exists.
    this(
        settings,
        EndpointUrl.parse(Objects.requireNonNull(settings, "settings").baseUrl()),
        Objects.requireNonNull(environment, "environment"),
        retry);
  }

  private OpenAiEndpointRouteSelector(
      OpenAiEndpointSettings settings,
      EndpointUrl url,
      UnaryOperator<String> environment,
      RetryPolicy retry) {
    super(settings.connectTimeout(), settings.parallelRequests(), retry);
    this.settings = settings;
    this.url = url;
    this.environment = environment;
    this.reach =
        new ReachFailures(
            url.origin(),
            url.apiBase().getHost(),
            "is the server running?",
            settings.connectTimeout(),
            settings.requestTimeout());
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
  InFlightBatch.Exchanges exchanges() {
    return exchanges;
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
    public RoutingException failed(Throwable cause) {
      return OpenAiEndpointRouteSelector.this.failed(url.chatCompletions(), cause);
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

  private RoutingException failed(URI target, Throwable cause) {
    if (cause instanceof BoundedExchange.ResponseTooLargeException tooLarge) {
      return new RoutingException(
          target
              + " answered more than "
              + tooLarge.limitInWords()
              + ", far more than any router's answer; RouteBench stopped reading it. Is this"
              + " address a router endpoint?",
          cause);
    }
    return reach
        .of(target, cause)
        .orElseGet(
            () ->
                new RoutingException(
                    "request to "
                        + target
                        + " failed: "
                        + (cause instanceof IOException ? cause.getMessage() : cause),
                    cause));
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

  /** One line, short enough for a status bar, saying that it was cut. */
  static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    if (flat.isEmpty()) {
      return "(empty body)";
    }
    return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + " …";
  }
}
