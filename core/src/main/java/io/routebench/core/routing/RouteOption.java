package io.routebench.core.routing;

import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * A route as the proxy holds it: the name and description the router reads, and the models the
 * route sends requests to. Only a proxy that decides itself (plano's routing API) is sent the
 * models; a router model never sees them.
 *
 * @param models plano v0.4.0's {@code models}: target first, then fallbacks; empty when unknown
 * @param preference how plano ranks {@code models}
 */
public record RouteOption(
    String name, String description, List<String> models, SelectionPreference preference) {

  public RouteOption {
    models = List.copyOf(models);
    Objects.requireNonNull(preference, "preference");
  }

  /** A route as a router model reads it: no models. */
  public RouteOption(String name, String description) {
    this(name, description, List.of(), SelectionPreference.NONE);
  }

  public static RouteOption of(RoutingPolicy policy) {
    return new RouteOption(
        policy.routeName(),
        policy.description(),
        policy.modelsInPreferenceOrder(),
        policy.preference() == null ? SelectionPreference.NONE : policy.preference());
  }

  /** The workspace's routes in prompt order, the one {@link RouteOrder} an export uses too. */
  public static List<RouteOption> allOf(PolicyDocument document) {
    return RouteOrder.of(document).stream().map(RouteOption::of).toList();
  }

  /** What the router model reads of this route: its name and description. */
  public RouteOption withoutModels() {
    return models.isEmpty() && preference == SelectionPreference.NONE
        ? this
        : new RouteOption(name, description);
  }
}
