package io.routebench.core.routing;

import java.util.Objects;

/**
 * How the proxy of a prompt profile reads a router's raw output.
 *
 * @param routeName the route the proxy takes from the answer: a policy's name, {@code other}, an
 *     unknown name, or {@code ""} when the answer names no route; {@code ""} when the answer cannot
 *     be read
 * @param proxyError why the proxy cannot read the answer (it then fails the user's request with
 *     HTTP 500), or {@code ""} when it can
 */
public record AnswerReading(String routeName, String proxyError) {

  public AnswerReading {
    Objects.requireNonNull(routeName, "routeName");
    Objects.requireNonNull(proxyError, "proxyError");
    if (!proxyError.isEmpty() && !routeName.isEmpty()) {
      throw new IllegalArgumentException("an answer the proxy cannot read names no route");
    }
  }

  /** An answer the proxy reads; {@code ""} for one that names no route. */
  public static AnswerReading route(String routeName) {
    return new AnswerReading(routeName, "");
  }

  /** An answer the proxy cannot read, with the reason. */
  public static AnswerReading proxyError(String why) {
    if (why.isEmpty()) {
      throw new IllegalArgumentException("a proxy error needs its reason");
    }
    return new AnswerReading("", why);
  }

  public boolean failsInProxy() {
    return !proxyError.isEmpty();
  }
}
