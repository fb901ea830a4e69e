package io.routebench.inference.remote;

import io.routebench.core.validation.SecretDetector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An OpenAI-compatible server's address, normalised: users paste base URLs with and without {@code
 * /v1}, with trailing slashes, or the full {@code /chat/completions} URL.
 *
 * @param apiBase e.g. {@code http://127.0.0.1:11434/v1}
 * @param origin e.g. {@code http://127.0.0.1:11434}, for "cannot reach" messages
 */
record EndpointUrl(URI apiBase, URI chatCompletions, String origin) {

  private static final String COMPLETIONS_PATH = "/chat/completions";

  /**
   * @throws IllegalArgumentException when {@code baseUrl} is not an absolute http(s) URL
   */
  static EndpointUrl parse(String baseUrl) {
    // Refused before anything else, and never echoed: the URL ends up in run rows, reports and
    // the engine's identity, and the messages below quote it.
    SecretDetector.find(baseUrl)
        .ifPresent(
            kind -> {
              throw new IllegalArgumentException(
                  "the endpoint URL holds a credential ("
                      + kind
                      + "); it is not used, stored or shown. Pass the key with --api-key-env"
                      + " NAME (the name of an environment variable holding it) instead");
            });
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (base.endsWith(COMPLETIONS_PATH)) {
      base = base.substring(0, base.length() - COMPLETIONS_PATH.length());
    }
    if (!base.endsWith("/v1")) {
      base = base + "/v1";
    }
    URI apiBase;
    try {
      apiBase = new URI(base);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid endpoint URL: \"" + baseUrl + "\" (" + e.getReason() + ")");
    }
    String scheme = apiBase.getScheme() == null ? "" : apiBase.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "endpoint URL must start with http:// or https://: \"" + baseUrl + "\"");
    }
    if (apiBase.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the endpoint URL carries a user name (user@host); it is not used, stored or shown."
              + " Pass credentials with --api-key-env NAME instead");
    }
    if (apiBase.getHost() == null) {
      throw new IllegalArgumentException("endpoint URL has no host: \"" + baseUrl + "\"");
    }
    if (apiBase.getRawQuery() != null || apiBase.getRawFragment() != null) {
      // The query is left out of the message: "?api_key=..." is how some servers take keys.
      throw new IllegalArgumentException(
          "endpoint URL must not carry a query or fragment: \""
              + scheme
              + "://"
              + apiBase.getRawAuthority()
              + apiBase.getRawPath()
              + "?…\"");
    }
    String origin = scheme + "://" + apiBase.getRawAuthority();
    return new EndpointUrl(apiBase, URI.create(base + COMPLETIONS_PATH), origin);
  }
}
