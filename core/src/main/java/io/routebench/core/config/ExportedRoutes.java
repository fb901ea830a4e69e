package io.routebench.core.config;

import static io.routebench.core.config.ProxyConfigRules.ROUTING_PREFERENCES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.ProxyDialect.RouteLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The providers list and the routes of an exported config, in the dialect's shape: archgw nests
 * each route under the provider it targets, plano lists routes at the top level with their models.
 * Routes the dialect cannot express are left out with a warning rather than written broken.
 */
final class ExportedRoutes {

  private final PolicyDocument document;
  private final ProxyDialect dialect;
  private final List<String> warnings;
  private final List<RoutingPolicy> exportable = new ArrayList<>();

  ExportedRoutes(PolicyDocument document, ProxyDialect dialect, List<String> warnings) {
    this.document = document;
    this.dialect = dialect;
    this.warnings = warnings;
    Set<String> declared =
        document.targets().stream().map(ModelTarget::model).collect(Collectors.toSet());
    // RouteOrder is the prompt's order: plano's top-level list keeps it, archgw's grouping
    // under providers (in target order) yields it.
    for (RoutingPolicy policy : RouteOrder.of(document)) {
      if (policy.targetModel() == null) {
        warn(policy, "has no target model; it is left out of the export");
      } else if (!declared.contains(policy.targetModel())) {
        warn(
            policy,
            "targets \""
                + policy.targetModel()
                + "\", which is not a declared target; it is left out of the export");
      } else {
        exportable.add(policy);
      }
    }
  }

  /** One provider entry per target, in target order; archgw entries carry their routes. */
  ArrayNode providers() {
    ArrayNode providers = Yaml.JSON.createArrayNode();
    for (ModelTarget target : document.targets()) {
      ObjectNode provider = providers.addObject();
      putIfPresent(provider, "name", target.displayName());
      provider.put("model", target.model());
      putIfPresent(provider, "provider_interface", target.providerInterface());
      putIfPresent(provider, "access_key", target.accessKeyRef());
      putIfPresent(provider, "base_url", target.baseUrl());
      if (target.isDefault()) {
        provider.put("default", true);
      }
      provider.setAll(Yaml.objectFromJson(target.extrasJson()));
      if (dialect.routeLayout() == RouteLayout.INSIDE_PROVIDERS) {
        ArrayNode routes = Yaml.JSON.createArrayNode();
        for (RoutingPolicy policy : exportable) {
          if (target.model().equals(policy.targetModel())) {
            ObjectNode route = routes.addObject();
            route.put("name", policy.routeName());
            route.put("description", policy.description());
          }
        }
        if (!routes.isEmpty()) {
          provider.set(ROUTING_PREFERENCES, routes);
        }
      }
    }
    if (dialect.routeLayout() == RouteLayout.INSIDE_PROVIDERS) {
      // A route nested in its provider has no models list, so no fallbacks and no preference.
      warnAboutPlanoOnlySettings();
    }
    return providers;
  }

  /**
   * One warning for all such routes: a taxonomy that uses fallbacks tends to use them everywhere.
   */
  private void warnAboutPlanoOnlySettings() {
    List<RoutingPolicy> affected =
        exportable.stream()
            .filter(
                policy ->
                    !policy.fallbackModels().isEmpty()
                        || policy.preference() != SelectionPreference.NONE)
            .toList();
    String consequence =
        " which archgw v0.3.0 cannot express; they are left out (export to plano v0.4.0 to keep"
            + " them)";
    if (affected.size() == 1) {
      warn(affected.get(0), "has fallbacks or a selection preference," + consequence);
    } else if (affected.size() > 1) {
      warnings.add(
          affected.size()
              + " routes have fallbacks or a selection preference,"
              + consequence
              + ": "
              + affected.stream()
                  .map(policy -> "\"" + policy.routeName() + "\"")
                  .collect(Collectors.joining(", ")));
    }
  }

  /**
   * plano v0.4.0's top-level routes. {@code selection_policy} is written only for cheapest or
   * fastest: plano's schema makes it optional and treats a missing one as {@code prefer: none}, so
   * an explicit {@code none} in an imported config comes back without it (same behaviour).
   */
  ArrayNode topLevelRoutes() {
    Set<String> declared =
        document.targets().stream().map(ModelTarget::model).collect(Collectors.toSet());
    ArrayNode routes = Yaml.JSON.createArrayNode();
    for (RoutingPolicy policy : exportable) {
      ObjectNode route = routes.addObject();
      route.put("name", policy.routeName());
      route.put("description", policy.description());
      ArrayNode models = route.putArray("models");
      for (String model : policy.modelsInPreferenceOrder()) {
        if (declared.contains(model)) {
          models.add(model);
        } else {
          warn(policy, "falls back to \"" + model + "\", which is not a declared target; dropped");
        }
      }
      if (policy.preference() != SelectionPreference.NONE) {
        route.putObject("selection_policy").put("prefer", policy.preference().wireName());
      }
    }
    return routes;
  }

  private void warn(RoutingPolicy policy, String message) {
    String warning = "route \"" + policy.routeName() + "\" (" + policy.path() + ") " + message;
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
