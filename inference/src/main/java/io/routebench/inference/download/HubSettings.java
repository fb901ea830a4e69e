package io.routebench.inference.download;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How to reach the Hugging Face hub (or a mirror of it) and how patient to be.
 *
 * @param baseUrl the hub, {@code https://huggingface.co} unless {@value #BASE_URL_PROPERTY} or the
 *     {@code HF_ENDPOINT} environment variable names a mirror (tests point it at a loopback server)
 * @param token sent as a bearer token to {@code baseUrl}'s host only, never to the CDN it redirects
 *     to; empty for public repositories
 * @param connectTimeout for opening a connection
 * @param readTimeout how long the server may stay silent, before its answer and between bytes
 * @param attempts how many times a broken or stalled transfer is tried in all
 * @param retryDelay the wait before the second attempt, doubled for each further one
 * @param offline never contact the hub ({@code HF_HUB_OFFLINE=1}, as {@code huggingface_hub} reads
 *     it): only files already downloaded and verified are used
 */
public record HubSettings(
    URI baseUrl,
    Optional<String> token,
    Duration connectTimeout,
    Duration readTimeout,
    int attempts,
    Duration retryDelay,
    boolean offline) {

  public static final String BASE_URL_PROPERTY = "routebench.huggingFaceUrl";
  public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co");

  /** The environment variables {@code huggingface_hub} reads, read the same way here. */
  public static final String ENDPOINT_VARIABLE = "HF_ENDPOINT";

  public static final String TOKEN_VARIABLE = "HF_TOKEN";
  public static final String OFFLINE_VARIABLE = "HF_HUB_OFFLINE";

  /** Online settings, as before offline mode existed. */
  public HubSettings(
      URI baseUrl,
      Optional<String> token,
      Duration connectTimeout,
      Duration readTimeout,
      int attempts,
      Duration retryDelay) {
    this(baseUrl, token, connectTimeout, readTimeout, attempts, retryDelay, false);
  }

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
   * The settings for this process: the mirror from {@value #BASE_URL_PROPERTY} or {@code
   * HF_ENDPOINT}, the token from {@code HF_TOKEN}, offline when {@code HF_HUB_OFFLINE} is {@code 1}
   * (or {@code true}, {@code yes}, {@code on}), and patient defaults for a 1 GB file on a slow
   * line.
   */
  public static HubSettings fromSystem() {
    return from(System::getProperty, System::getenv);
  }

  public static HubSettings from(
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String property = properties.apply(BASE_URL_PROPERTY);
    boolean fromProperty = property != null && !property.isBlank();
    String url = fromProperty ? property : environment.apply(ENDPOINT_VARIABLE);
    URI base;
    try {
      base = url == null || url.isBlank() ? DEFAULT_BASE_URL : URI.create(url.strip());
      base.toURL();
    } catch (IllegalArgumentException | java.net.MalformedURLException e) {
      throw new IllegalArgumentException(
          (fromProperty ? "-D" + BASE_URL_PROPERTY : ENDPOINT_VARIABLE)
              + "="
              + url
              + " is not a URL: "
              + e.getMessage(),
          e);
    }
    String token = environment.apply(TOKEN_VARIABLE);
    return new HubSettings(
        base,
        token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip()),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        5,
        Duration.ofSeconds(2),
        isTrue(environment.apply(OFFLINE_VARIABLE)));
  }

  /** {@code huggingface_hub}'s reading of a boolean variable. */
  private static boolean isTrue(String value) {
    return value != null
        && switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
          case "1", "true", "yes", "on" -> true;
          default -> false;
        };
  }

  public HubSettings withBaseUrl(URI url) {
    return new HubSettings(url, token, connectTimeout, readTimeout, attempts, retryDelay, offline);
  }

  public HubSettings withTimeouts(Duration connect, Duration read) {
    return new HubSettings(baseUrl, token, connect, read, attempts, retryDelay, offline);
  }

  public HubSettings withRetries(int newAttempts, Duration delay) {
    return new HubSettings(
        baseUrl, token, connectTimeout, readTimeout, newAttempts, delay, offline);
  }

  public HubSettings withToken(String newToken) {
    return new HubSettings(
        baseUrl,
        Optional.ofNullable(newToken),
        connectTimeout,
        readTimeout,
        attempts,
        retryDelay,
        offline);
  }

  public HubSettings withOffline(boolean newOffline) {
    return new HubSettings(
        baseUrl, token, connectTimeout, readTimeout, attempts, retryDelay, newOffline);
  }

  /** {@code host} or {@code host:port}, as messages name the server. */
  public String hostLabel() {
    return baseUrl.getPort() > 0 ? baseUrl.getHost() + ":" + baseUrl.getPort() : baseUrl.getHost();
  }
}
