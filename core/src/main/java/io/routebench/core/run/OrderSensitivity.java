package io.routebench.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a suite's decisions depend on the order the routes are listed in: the same suite run
 * once in taxonomy order and again in shuffled orders ({@link ShuffledRouteOrder}). A turn is order
 * dependent when not every pass routed it the same way.
 *
 * @param passes how many passes were compared (the taxonomy-order pass included)
 * @param turns user turns answered in every pass
 * @param orderDependent the turns whose route changed with the order, in the first pass's order
 * @param perRoute for each route chosen in any pass (first appearance order): of the turns routed
 *     there at least once, how many changed with the order
 */
public record OrderSensitivity(
    int passes,
    int turns,
    List<DependentTurn> orderDependent,
    Map<String, RouteSensitivity> perRoute) {

  public OrderSensitivity {
    orderDependent = List.copyOf(orderDependent);
    perRoute = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perRoute));
  }

  /**
   * A turn routed differently in different passes.
   *
   * @param routes the route of each pass, in pass order
   */
  public record DependentTurn(
      String caseId, String caseName, int turnIndex, String expected, List<String> routes) {

    public DependentTurn {
      routes = List.copyOf(routes);
    }

    /** Passes that routed the turn to its expected route. */
    public long passedIn() {
      return routes.stream().filter(expected::equals).count();
    }
  }

  /**
   * One route's sensitivity to the order.
   *
   * @param turns turns routed to the route in at least one pass
   * @param orderDependent of those, the turns whose route changed with the order
   */
  public record RouteSensitivity(int turns, int orderDependent) {

    /** The share of the route's turns that changed with the order, in [0, 1]. */
    public double share() {
      return turns == 0 ? 0 : (double) orderDependent / turns;
    }
  }

  /** Share of the turns that depend on the order, in [0, 1]. */
  public double dependentShare() {
    return turns == 0 ? 0 : (double) orderDependent.size() / turns;
  }

  /**
   * Compares passes over the same suite; only turns answered in every pass are counted (a cancelled
   * pass leaves the rest out).
   *
   * @param passes the results of each pass, the taxonomy-order pass first
   */
  public static OrderSensitivity of(List<List<TurnResult>> passes) {
    if (passes.isEmpty()) {
      return new OrderSensitivity(0, 0, List.of(), Map.of());
    }
    var keyed = new ArrayList<Map<TurnKey, TurnResult>>();
    for (List<TurnResult> pass : passes) {
      var byTurn = new LinkedHashMap<TurnKey, TurnResult>();
      pass.forEach(r -> byTurn.putIfAbsent(new TurnKey(r.caseId(), r.turnIndex()), r));
      keyed.add(byTurn);
    }
    var dependent = new ArrayList<DependentTurn>();
    var routedThere = new LinkedHashMap<String, Set<TurnKey>>();
    var changedThere = new LinkedHashMap<String, Set<TurnKey>>();
    int turns = 0;
    for (var entry : keyed.get(0).entrySet()) {
      TurnKey key = entry.getKey();
      var routes = new ArrayList<String>();
      for (Map<TurnKey, TurnResult> pass : keyed) {
        TurnResult result = pass.get(key);
        if (result == null) {
          break;
        }
        routes.add(result.actual());
      }
      if (routes.size() < keyed.size()) {
        continue;
      }
      turns++;
      boolean changed = new LinkedHashSet<>(routes).size() > 1;
      for (String route : routes) {
        routedThere.computeIfAbsent(route, r -> new LinkedHashSet<>()).add(key);
        if (changed) {
          changedThere.computeIfAbsent(route, r -> new LinkedHashSet<>()).add(key);
        }
      }
      if (changed) {
        TurnResult first = entry.getValue();
        dependent.add(
            new DependentTurn(
                first.caseId(), first.caseName(), first.turnIndex(), first.expected(), routes));
      }
    }
    var perRoute = new LinkedHashMap<String, RouteSensitivity>();
    routedThere.forEach(
        (route, keys) ->
            perRoute.put(
                route,
                new RouteSensitivity(
                    keys.size(), changedThere.getOrDefault(route, Set.of()).size())));
    return new OrderSensitivity(passes.size(), turns, dependent, perRoute);
  }

  private record TurnKey(String caseId, int turnIndex) {}
}
