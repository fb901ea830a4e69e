package io.routebench.inference.download;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How to reach the Hugging Face hub (or a mirror of it) and how patient to be.
 *
 * @param baseUrl the hub, {@code https://huggingface.co} unless {@value #BASE_URL_PROPERTY} names a
 *     mirror (tests point it at a loopback server)
 * @param token sent as a bearer token to {@code baseUrl}'s host only, never to the CDN it redirects
 *     to; empty for public repositories
 * @param connectTimeout for opening a connection
 * @param readTimeout how long the server may stay silent, before its answer and between bytes
 * @param attempts how many times a broken or stalled transfer is tried in all
 * @param retryDelay the wait before the second attempt, doubled for each further one
 */
public record HubSettings(
    URI baseUrl,
    Optional<String> token,
    Duration connectTimeout,
    Duration readTimeout,
    int attempts,
    Duration retryDelay) {

  public static final String BASE_URL_PROPERTY = "routebench.huggingFaceUrl";
  public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co");

  public HubSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())
        || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(baseUrl + ": the hub URL must be an http(s) URL");
    }
    String text = baseUrl.toString();
    if (text.endsWith("/")) {
      baseUrl = URI.create(text.substring(0, text.length() - 1));
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /**
   * The settings for this process: {@value #BASE_URL_PROPERTY} if set, the {@code HF_TOKEN}
   * environment variable if set, and patient defaults for a 1 GB file on a slow line.
   */
  public static HubSettings fromSystem() {
    return from(System::getProperty, System::getenv);
  }

  static HubSettings from(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String url = properties.apply(BASE_URL_PROPERTY);
    URI base;
    try {
      base = url == null || url.isBlank() ? DEFAULT_BASE_URL : URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-D" + BASE_URL_PROPERTY + "=" + url + " is not a URL: " + e.getMessage(), e);
    }
    String token = environment.apply("HF_TOKEN");
    return new HubSettings(
        base,
        token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip()),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        5,
        Duration.ofSeconds(2));
  }

  public HubSettings withBaseUrl(URI url) {
    return new HubSettings(url, token, connectTimeout, readTimeout, attempts, retryDelay);
  }

  public HubSettings withTimeouts(Duration connect, Duration read) {
    return new HubSettings(baseUrl, token, connect, read, attempts, retryDelay);
  }

  public HubSettings withRetries(int newAttempts, Duration delay) {
    return new HubSettings(baseUrl, token, connectTimeout, readTimeout, newAttempts, delay);
  }

  public HubSettings withToken(String newToken) {
    return new HubSettings(
        baseUrl, Optional.ofNullable(newToken), connectTimeout, readTimeout, attempts, retryDelay);
  }

  /** {@code host} or {@code host:port}, as messages name the server. */
  public String hostLabel() {
    return baseUrl.getPort() > 0 ? baseUrl.getHost() + ":" + baseUrl.getPort() : baseUrl.getHost();
  }
}
