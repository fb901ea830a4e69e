package io.routebench.inference.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach a router served behind an OpenAI-compatible chat completions endpoint
 * (Ollama, vLLM, llama-server, LM Studio, the proxy's own model server).
 *
 * @param baseUrl e.g. {@code http://127.0.0.1:11434} or {@code http://127.0.0.1:11434/v1}; the
 *     {@code /v1/chat/completions} path is added as needed
 * @param model the model id the server knows the router by, e.g. {@code
 *     hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M}
 * @param apiKeyEnvironmentVariable the NAME of the environment variable holding the API key, read
 *     at each request and never stored; {@code ""} for servers without authentication
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param requestTimeout how long to wait for one answer once connected; a turn that runs past it
 *     fails (it is not retried: the server is not coming back with it)
 * @param parallelRequests how many requests a batch (a regression run) keeps in flight, so a
 *     batching server (vLLM, llama-server {@code --parallel}, Ollama {@code OLLAMA_NUM_PARALLEL})
 *     works on them together; match it to the server's concurrent slots
 */
public record OpenAiEndpointSettings(
    String baseUrl,
    String model,
    String apiKeyEnvironmentVariable,
    Duration connectTimeout,
    Duration requestTimeout,
    int parallelRequests) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Generous: a cold server may load the model on the first request. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Enough to fill a typical batching server's slots (vLLM batches far more, llama-server and
   * Ollama default to a few), few enough not to queue up behind a single-slot one for long.
   */
  public static final int DEFAULT_PARALLEL_REQUESTS = 8;

  /** Far beyond any one router's useful batch; more only opens connections to wait on. */
  public static final int MAX_PARALLEL_REQUESTS = 256;

  public OpenAiEndpointSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    apiKeyEnvironmentVariable =
        apiKeyEnvironmentVariable == null ? "" : apiKeyEnvironmentVariable.strip();
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(requestTimeout, "request timeout");
    if (parallelRequests < 1 || parallelRequests > MAX_PARALLEL_REQUESTS) {
      throw new IllegalArgumentException(
          "parallel requests must be between 1 and "
              + MAX_PARALLEL_REQUESTS
              + ", not "
              + parallelRequests);
    }
    if (apiKeyEnvironmentVariable.startsWith("$")) {
      // Config files write "$OPENAI_API_KEY"; the variable's name is what follows the dollar.
      apiKeyEnvironmentVariable = apiKeyEnvironmentVariable.substring(1);
    }
  }

  /** Default timeouts and parallelism. */
  public OpenAiEndpointSettings(String baseUrl, String model, String apiKeyEnvironmentVariable) {
    this(
        baseUrl,
        model,
        apiKeyEnvironmentVariable,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_PARALLEL_REQUESTS);
  }

  public OpenAiEndpointSettings withParallelRequests(int parallel) {
    return new OpenAiEndpointSettings(
        baseUrl, model, apiKeyEnvironmentVariable, connectTimeout, requestTimeout, parallel);
  }

  public boolean usesApiKey() {
    return !apiKeyEnvironmentVariable.isEmpty();
  }

  private static void requirePositive(Duration timeout, String what) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, not " + timeout);
    }
  }
}
