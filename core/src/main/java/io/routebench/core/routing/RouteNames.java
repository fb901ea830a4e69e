package io.routebench.core.routing;

/** Facts about route names that every layer shares. */
public final class RouteNames {

  /** The reserved answer meaning "no policy fits"; no policy may use it. */
  public static final String OTHER = "other";

  /**
   * Where a turn went when the proxy could not read the router's answer and failed the request
   * (HTTP 500). Not a route: a turn with this outcome fails whatever it expected, even if a policy
   * happened to carry this name.
   */
  public static final String PROXY_ERROR = "(proxy error)";

  private RouteNames() {}
}
