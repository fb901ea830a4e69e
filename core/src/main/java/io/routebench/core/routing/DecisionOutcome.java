package io.routebench.core.routing;

/**
 * What the proxy does with a router answer: route it to a policy's model, send it to the default
 * target ({@link #OTHER}, {@link #EMPTY}, {@link #UNKNOWN}), or fail the user's request ({@link
 * #PROXY_ERROR}).
 */
public enum DecisionOutcome {
  /** The answer named a policy. */
  MATCHED,
  /** The router said {@code other}: no policy fits. */
  OTHER,
  /** The router named no route (empty answer, empty route, empty list, no {@code route} key). */
  EMPTY,
  /** The router named a route that no policy has. */
  UNKNOWN,
  /**
   * The proxy cannot read the answer (free text, trailing text, a string where plano expects a
   * list, ...): it answers the user's request with HTTP 500 "Failed to determine route" and sends
   * it nowhere.
   */
  PROXY_ERROR;

  /** Whether the request goes to the default target (a proxy error sends it nowhere). */
  public boolean usesDefaultTarget() {
    return this == OTHER || this == EMPTY || this == UNKNOWN;
  }

  /** Whether the user's request fails in production. */
  public boolean failsRequest() {
    return this == PROXY_ERROR;
  }
}
