package io.routebench.inference.remote;

import java.net.URI;

/**
 * A plano listener's addresses, from what a user pastes: the listener ({@code
 * http://127.0.0.1:12000}), with {@code /v1} or a trailing slash, the proxy's own {@code
 * /v1/chat/completions}, or the routing URL itself. The same checks as an endpoint's URL apply
 * (http(s), a host, no credential, no query).
 *
 * @param root the listener, e.g. {@code http://127.0.0.1:12000}
 * @param routing {@code root/routing/v1/chat/completions}: the dry-run routing decision
 * @param models {@code root/v1/models}: the models plano declares ({@code model_providers})
 */
record PlanoUrl(URI root, URI routing, URI models, String origin) {

  private static final String ROUTING_PATH = "/routing/v1/chat/completions";

  /**
   * @throws IllegalArgumentException when {@code baseUrl} is not an absolute http(s) URL
   */
  static PlanoUrl parse(String baseUrl) {
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (base.endsWith(ROUTING_PATH)) {
      base = base.substring(0, base.length() - ROUTING_PATH.length());
    } else if (base.endsWith("/routing")) {
      base = base.substring(0, base.length() - "/routing".length());
    }
    // The endpoint rules check the address and end it in /v1; the listener is what is above.
    EndpointUrl checked = EndpointUrl.parse(base.isEmpty() ? baseUrl : base);
    String api = checked.apiBase().toString();
    String root = api.substring(0, api.length() - "/v1".length());
    return new PlanoUrl(
        URI.create(root),
        URI.create(root + ROUTING_PATH),
        URI.create(root + "/v1/models"),
        checked.origin());
  }
}
