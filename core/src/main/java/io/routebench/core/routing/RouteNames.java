package io.routebench.core.routing;

/** Facts about route names that every layer shares. */
public final class RouteNames {

  /** The reserved answer meaning "no policy fits"; no policy may use it. */
  public static final String OTHER = "other";

  private RouteNames() {}
}
