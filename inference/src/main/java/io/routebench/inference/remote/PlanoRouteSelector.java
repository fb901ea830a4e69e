package io.routebench.inference.remote;

import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.remote.PlanoRoutingJson.Decision;
import io.routebench.inference.remote.PlanoRoutingJson.NotADecisionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running plano as the router: each decision is plano's own, asked through its dry-run routing
 * API ({@code POST /routing/v1/chat/completions}), with the workspace's routes sent as {@code
 * routing_preferences} so that plano decides on them instead of its config. plano words the prompt,
 * asks its router model and reads the answer itself, so the route and models it returns are
 * production's decision by construction.
 *
 * <p>Every request carries {@code X-Plano-Cache: off}: without it plano pins a conversation to the
 * model of its first turn (implicit session affinity), and a suite's turns must each be decided on
 * their own. An error plano answers (its {@code {"error": ...}} body, or any HTTP 5xx) is a proxy
 * error, told in plano's words: production's client gets the same. A route whose model plano does
 * not declare ({@code GET /v1/models}) is one too: plano cannot forward the request. What is not
 * plano's answer (no server, a server that is not plano, a timeout) fails the decision as a {@link
 * RoutingException}, as for any remote router.
 */
public final class PlanoRouteSelector extends HttpRouteSelector {

  /** plano's header that turns implicit session affinity off for one request. */
  static final String CACHE_HEADER = "X-Plano-Cache";

  private final PlanoListenerSettings settings;
  private final PlanoUrl url;
  private final ReachFailures reach;
  private final Exchanges exchanges = new Exchanges();

  /** What {@code GET /v1/models} listed at {@link #connect()}; empty when not asked or unknown. */
  private volatile List<String> declaredModels = List.of();

  /**
   * @throws IllegalArgumentException when the base URL is not an http(s) URL
   */
  public PlanoRouteSelector(PlanoListenerSettings settings) {
    this(settings, RetryPolicy.DEFAULT);
  }

  /** With a retry policy of its own, so tests need not wait for real backoff. */
  PlanoRouteSelector(PlanoListenerSettings settings, RetryPolicy retry) {
    // The URL is checked before the HTTP client (and its thread) exists.
    this(settings, PlanoUrl.parse(Objects.requireNonNull(settings, "settings").baseUrl()), retry);
  }

  private PlanoRouteSelector(PlanoListenerSettings settings, PlanoUrl url, RetryPolicy retry) {
    super(settings.connectTimeout(), settings.parallelRequests(), retry);
    this.settings = settings;
    this.url = url;
    this.reach =
        new ReachFailures(
            "plano at " + url.origin(),
            url.root().getHost(),
            "is plano running (planoai up)?",
            settings.connectTimeout(),
            settings.requestTimeout());
  }

  /** The listener as the user gave it, normalised, e.g. {@code http://127.0.0.1:12000}. */
  public URI listener() {
    return url.root();
  }

  /** The routing API's URL, where every decision is asked. */
  public URI routingUrl() {
    return url.routing();
  }

  /**
   * plano words its prompt itself (plano-v1) whatever {@code profile} is: the workspace's profile
   * is recorded, as for every router.
   */
  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return new EngineIdentity(
        "plano",
        "plano @ " + url.root(),
        "",
        profile,
        Map.of("endpoint", url.routing().toString()));
  }

  /**
   * Checks that plano answers and learns the models it declares ({@code GET /v1/models}, which
   * plano's listener serves from its {@code model_providers}), so that a route to a model plano
   * does not declare is told at once. Call once, before the first decision.
   *
   * @return the declared models
   * @throws RoutingException when plano cannot be reached or does not answer like plano
   */
  public List<String> connect() {
    URI models = url.models();
    HttpResponse<String> response;
    try {
      // Bounded as every other exchange: the timeout covers the whole body, and no model list
      // is read past a size that no real one approaches.
      response =
          BoundedExchange.sendAndWait(
              client,
              HttpRequest.newBuilder(models).timeout(settings.requestTimeout()).GET().build(),
              BoundedExchange.MAX_RESPONSE_BYTES);
    } catch (IOException e) {
      throw failed(models, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingException("asking " + models + " was interrupted", e);
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw new RoutingException(
          models
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + OpenAiEndpointRouteSelector.excerpt(response.body())
              + " — is "
              + url.root()
              + " a plano listener (plano 0.4 or later)?");
    }
    List<String> ids =
        PlanoRoutingJson.readModelIds(response.body())
            .orElseThrow(
                () ->
                    new RoutingException(
                        models
                            + " answered something else than plano's model list: "
                            + OpenAiEndpointRouteSelector.excerpt(response.body())));
    declaredModels = ids;
    return ids;
  }

  /** The models plano declared at {@link #connect()}; empty before it. */
  public List<String> declaredModels() {
    return declaredModels;
  }

  @Override
  InFlightBatch.Exchanges exchanges() {
    return exchanges;
  }

  private final class Exchanges implements InFlightBatch.Exchanges {

    @Override
    public HttpRequest prepare(RouteRequest request) {
      return HttpRequest.newBuilder(url.routing())
          .timeout(settings.requestTimeout())
          .header("Content-Type", "application/json")
          .header(CACHE_HEADER, "off")
          .POST(
              HttpRequest.BodyPublishers.ofString(
                  PlanoRoutingJson.requestBody(request), StandardCharsets.UTF_8))
          .build();
    }

    @Override
    public RouterAnswer read(
        RouteRequest request, HttpResponse<String> response, long totalMillis, int attempts) {
      String body = response.body() == null ? "" : response.body().strip();
      int status = response.statusCode();
      if ((status < 200 || status > 299) && !isPlanoRefusal(status, body)) {
        throw new RoutingException(
            url.routing()
                + " answered HTTP "
                + status
                + (attempts == 1 ? "" : " (" + attempts + " attempts)")
                + ": "
                + OpenAiEndpointRouteSelector.excerpt(body)
                + " — is "
                + url.root()
                + " a plano listener with the routing API (plano 0.4 or later)?");
      }
      if (status < 200 || status > 299) {
        return answer(
            request,
            "HTTP " + status + " " + body,
            AnswerReading.proxyError(refusal(status, body, attempts)),
            totalMillis);
      }
      Decision decision;
      try {
        decision = PlanoRoutingJson.readDecision(body);
      } catch (NotADecisionException e) {
        throw new RoutingException(
            url.routing()
                + " answered "
                + e.getMessage()
                + " instead of plano's routing decision: "
                + OpenAiEndpointRouteSelector.excerpt(body));
      }
      return answer(request, body, readingOf(decision), totalMillis);
    }

    @Override
    public RoutingException failed(Throwable cause) {
      return PlanoRouteSelector.this.failed(url.routing(), cause);
    }
  }

  private RouterAnswer answer(
      RouteRequest request, String raw, AnswerReading reading, long totalMillis) {
    return new RouterAnswer(
        raw,
        reading,
        request.profile(),
        DecisionTiming.wallClockOnly(totalMillis),
        AnswerExactness.EXACT);
  }

  /**
   * plano's decision as the proxy acts on it: its route and models; a route to a model plano does
   * not declare fails, since plano cannot forward the request there.
   */
  private AnswerReading readingOf(Decision decision) {
    if (!decision.route().isEmpty() && !decision.models().isEmpty()) {
      String model = decision.models().get(0);
      if (!isDeclared(model)) {
        return AnswerReading.proxyError(
            "plano routes to '"
                + decision.route()
                + "' and its model '"
                + model
                + "', which plano's model_providers do not declare: the request cannot be"
                + " forwarded (declared: "
                + String.join(", ", declaredModels)
                + ")");
      }
    }
    return AnswerReading.decidedByProxy(decision.route(), decision.models());
  }

  /** Unknown (not asked, or plano lists none) counts as declared: nothing to hold against it. */
  private boolean isDeclared(String model) {
    List<String> declared = declaredModels;
    if (declared.isEmpty() || declared.contains(model)) {
      return true;
    }
    // A wildcard provider ("openai/*") declares every model of its provider.
    return declared.stream()
        .anyMatch(d -> d.endsWith("/*") && model.startsWith(d.substring(0, d.length() - 1)));
  }

  /** plano's refusal in words: its own error (code and reason) when it gave one. */
  private String refusal(int status, String body, int attempts) {
    String said =
        PlanoRoutingJson.readError(body).orElse(OpenAiEndpointRouteSelector.excerpt(body));
    return "plano answered HTTP "
        + status
        + (attempts == 1 ? "" : " (" + attempts + " attempts)")
        + ": "
        + said;
  }

  private RoutingException failed(URI target, Throwable cause) {
    return reach
        .of(target, cause)
        .orElseGet(
            () ->
                new RoutingException(
                    "request to " + target + " failed: " + cause.getMessage(), cause));
  }

  /**
   * Whether {@code status} with {@code body} is plano refusing the request (counted as a proxy
   * error) rather than something in the way of reaching it.
   */
  static boolean isPlanoRefusal(int status, String body) {
    return status >= 500 || PlanoRoutingJson.readError(body).isPresent();
  }
}
