package io.routebench.core.routing;

import java.util.List;
import java.util.Objects;

/**
 * How the proxy of a prompt profile reads a router's raw output.
 *
 * @param routeName the route the proxy takes from the answer: a policy's name, {@code other}, an
 *     unknown name, or {@code ""} when the answer names no route; {@code ""} when the answer cannot
 *     be read
 * @param proxyError why the proxy cannot read the answer (it then fails the user's request with
 *     HTTP 500), or {@code ""} when it can
 * @param listedRoutes every non-empty name the answer lists, in its order: plano-v1's list answer
 *     whole ({@code routeName} is the first of them that names a route), one name for archgw-v1,
 *     none for an answer that names no route or cannot be read
 * @param rankedModels the models a proxy that decided itself (plano's routing API) answered, first
 *     = where the request goes, the rest fallbacks on 429/5xx; empty when a router model answered
 */
public record AnswerReading(
    String routeName, String proxyError, List<String> listedRoutes, List<String> rankedModels) {

  public AnswerReading {
    Objects.requireNonNull(routeName, "routeName");
    Objects.requireNonNull(proxyError, "proxyError");
    listedRoutes = List.copyOf(listedRoutes);
    rankedModels = List.copyOf(rankedModels);
    if (!proxyError.isEmpty() && !routeName.isEmpty()) {
      throw new IllegalArgumentException("an answer the proxy cannot read names no route");
    }
    if (!routeName.isEmpty() && !listedRoutes.contains(routeName)) {
      throw new IllegalArgumentException("the route taken must be one the answer lists");
    }
  }

  /** An answer the proxy reads, naming one route; {@code ""} for one that names no route. */
  public static AnswerReading route(String routeName) {
    return new AnswerReading(
        routeName, "", routeName.isEmpty() ? List.of() : List.of(routeName), List.of());
  }

  /**
   * A list answer (plano-v1): the proxy takes {@code taken}, one of {@code listed}, or {@code ""}
   * when none of them names a route.
   */
  public static AnswerReading listed(List<String> listed, String taken) {
    return new AnswerReading(taken, "", listed, List.of());
  }

  /**
   * The decision of a proxy that routes itself (plano's routing API): the route it took ({@code ""}
   * for none) and the models it ranked.
   */
  public static AnswerReading decidedByProxy(String route, List<String> rankedModels) {
    return new AnswerReading(route, "", route.isEmpty() ? List.of() : List.of(route), rankedModels);
  }

  /** An answer the proxy cannot read, with the reason. */
  public static AnswerReading proxyError(String why) {
    if (why.isEmpty()) {
      throw new IllegalArgumentException("a proxy error needs its reason");
    }
    return new AnswerReading("", why, List.of(), List.of());
  }

  public boolean failsInProxy() {
    return !proxyError.isEmpty();
  }

  /** Where the route taken stands in {@link #listedRoutes()} (0 = first), or -1 for none. */
  public int takenIndex() {
    return routeName.isEmpty() ? -1 : listedRoutes.indexOf(routeName);
  }

  /** Whether a proxy decided (plano's routing API) rather than a router model answering. */
  public boolean isProxyDecision() {
    return !rankedModels.isEmpty();
  }
}
