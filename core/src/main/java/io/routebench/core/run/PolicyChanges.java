package io.routebench.core.run;

import io.routebench.core.routing.RouteOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in the router's view of the policies between two runs, in words: the label of a
 * point in a suite's history ("description of debugging changed", "added route billing").
 */
public final class PolicyChanges {

  private PolicyChanges() {}

  /** The changes from {@code before} to {@code after}; empty when the router saw the same. */
  public static List<String> between(RouterView before, RouterView after) {
    var changes = new ArrayList<String>();
    if (before.profile() != after.profile()) {
      changes.add("profile " + before.profile().id() + " → " + after.profile().id());
    }
    Map<String, String> old = descriptions(before.routes());
    Map<String, String> now = descriptions(after.routes());
    now.keySet().stream().filter(r -> !old.containsKey(r)).forEach(r -> changes.add("added " + r));
    old.keySet().stream()
        .filter(r -> !now.containsKey(r))
        .forEach(r -> changes.add("removed " + r));
    now.forEach(
        (route, description) -> {
          if (old.containsKey(route) && !old.get(route).equals(description)) {
            changes.add("description of " + route + " changed");
          }
        });
    List<String> oldOrder = old.keySet().stream().filter(now::containsKey).toList();
    List<String> newOrder = now.keySet().stream().filter(old::containsKey).toList();
    if (!oldOrder.equals(newOrder)) {
      changes.add("route order changed");
    }
    return List.copyOf(changes);
  }

  private static Map<String, String> descriptions(List<RouteOption> routes) {
    var map = new LinkedHashMap<String, String>();
    routes.forEach(r -> map.putIfAbsent(r.name(), r.description()));
    return map;
  }
}
