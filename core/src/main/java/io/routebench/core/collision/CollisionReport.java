package io.routebench.core.collision;

import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which policy answered which policy's probes: a matrix with one row per probed route and one
 * column per route the router can answer (the routes, then {@code other}).
 *
 * @param routes the routes in prompt order
 * @param probes every probe with its decision, in route order
 * @param unprobed routes with no description, so nothing to send
 */
public record CollisionReport(List<String> routes, List<Probe> probes, List<String> unprobed) {

  /**
   * One message sent to the router on behalf of a route.
   *
   * @param route the route the message describes
   * @param text what was sent as the user's message
   */
  public record Probe(String route, String text, RouteDecision decision) {

    public Probe {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(decision, "decision");
    }

    /** The route the router chose, as the matrix columns name it. */
    public String answeredRoute() {
      return decision.effectiveRoute();
    }

    /** Whether the router sent this route's own description somewhere else. */
    public boolean collides() {
      return !answeredRoute().equals(route);
    }
  }

  public CollisionReport {
    routes = List.copyOf(routes);
    probes = List.copyOf(probes);
    unprobed = List.copyOf(unprobed);
  }

  /**
   * The matrix columns: every route, then {@code other}, then anything else a probe was answered
   * with (an outcome that names no route), so that every probe has its cell.
   */
  public List<String> columns() {
    var columns = new LinkedHashSet<>(routes);
    columns.add(RouteNames.OTHER);
    probes.forEach(probe -> columns.add(probe.answeredRoute()));
    return List.copyOf(columns);
  }

  /** The matrix rows: the routes that were probed, in route order. */
  public List<String> rows() {
    return probes.stream().map(Probe::route).distinct().toList();
  }

  /** How many of {@code probedRoute}'s probes the router answered with {@code answeredRoute}. */
  public int count(String probedRoute, String answeredRoute) {
    return (int)
        probes.stream()
            .filter(p -> p.route().equals(probedRoute) && p.answeredRoute().equals(answeredRoute))
            .count();
  }

  /** The probes that landed on another route than their own. */
  public List<Probe> collisions() {
    return probes.stream().filter(Probe::collides).toList();
  }
}
