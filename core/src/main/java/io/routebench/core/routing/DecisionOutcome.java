package io.routebench.core.routing;

/** How a router answer maps onto the policies; the last three all go to the default target. */
public enum DecisionOutcome {
  /** The answer named a policy. */
  MATCHED,
  /** The router said {@code other}: no policy fits. */
  OTHER,
  /** The router named no route (empty answer, empty list, unparsable output). */
  EMPTY,
  /** The router named a route that no policy has. */
  UNKNOWN;

  public boolean usesDefaultTarget() {
    return this != MATCHED;
  }
}
