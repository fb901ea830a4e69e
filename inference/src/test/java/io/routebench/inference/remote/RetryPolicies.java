package io.routebench.inference.remote;

import java.time.Duration;

/** Retry policies for tests, which must not wait for real backoff. */
final class RetryPolicies {

  /** Three attempts, a millisecond or so apart; a server's Retry-After is still honoured. */
  static final RetryPolicy NO_WAIT =
      new RetryPolicy(3, Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofSeconds(5));

  private RetryPolicies() {}
}
