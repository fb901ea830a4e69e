package io.routebench.inference.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach a running plano, asked through its routing API ({@code POST
 * /routing/v1/chat/completions}, plano 0.4.x): the proxy decides itself, with its own router model
 * and prompt, so what comes back is production's decision.
 *
 * @param baseUrl the listener's address as a client uses it, e.g. {@code http://127.0.0.1:12000};
 *     the routing path is added as needed
 * @param requestTimeout how long one decision may take (plano asks its router model meanwhile)
 * @param parallelRequests how many decisions a suite run keeps in flight at once
 */
public record PlanoListenerSettings(
    String baseUrl, Duration connectTimeout, Duration requestTimeout, int parallelRequests) {

  public PlanoListenerSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive");
    }
    if (parallelRequests < 1 || parallelRequests > OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS) {
      throw new IllegalArgumentException(
          "parallel requests must be between 1 and "
              + OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS
              + ", not "
              + parallelRequests);
    }
  }

  /** Default timeouts and parallelism, as for a served router. */
  public PlanoListenerSettings(String baseUrl) {
    this(
        baseUrl,
        OpenAiEndpointSettings.DEFAULT_CONNECT_TIMEOUT,
        OpenAiEndpointSettings.DEFAULT_REQUEST_TIMEOUT,
        OpenAiEndpointSettings.DEFAULT_PARALLEL_REQUESTS);
  }

  public PlanoListenerSettings withParallelRequests(int parallel) {
    return new PlanoListenerSettings(baseUrl, connectTimeout, requestTimeout, parallel);
  }

  public PlanoListenerSettings withRequestTimeout(Duration timeout) {
    return new PlanoListenerSettings(baseUrl, connectTimeout, timeout, parallelRequests);
  }
}
