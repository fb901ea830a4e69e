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
 * @param requestTimeout how long to wait for the answer once connected
 */
public record OpenAiEndpointSettings(
    String baseUrl,
    String model,
    String apiKeyEnvironmentVariable,
    Duration connectTimeout,
    Duration requestTimeout) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Generous: a cold server may load the model on the first request. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

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
    if (apiKeyEnvironmentVariable.startsWith("$")) {
      // Config files write "$OPENAI_API_KEY"; the variable's name is what follows the dollar.
      apiKeyEnvironmentVariable = apiKeyEnvironmentVariable.substring(1);
    }
  }

  /** Default timeouts. */
  public OpenAiEndpointSettings(String baseUrl, String model, String apiKeyEnvironmentVariable) {
    this(
        baseUrl,
        model,
        apiKeyEnvironmentVariable,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT);
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
