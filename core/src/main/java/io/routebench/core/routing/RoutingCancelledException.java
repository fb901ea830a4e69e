package io.routebench.core.routing;

/** Routing work stopped because its {@link CancellationToken} was cancelled. */
public final class RoutingCancelledException extends RuntimeException {

  public RoutingCancelledException() {
    super("routing was cancelled");
  }
}
