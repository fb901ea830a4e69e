package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proxy's own validation rules for a config (archgw v0.3.0 inline routes or plano v0.4.0
 * top-level routes), plus RouteBench's stricter rule that every route has a description. Problems
 * are reported to a {@link YamlSchema} so each carries its location.
 */
final class ProxyConfigRules {

  static final String MODEL_PROVIDERS = "model_providers";
  static final String LEGACY_PROVIDERS = "llm_providers";
  static final String ROUTING_PREFERENCES = "routing_preferences";
  private static final Set<String> INLINE_ROUTE_KEYS = Set.of("name", "description");
  private static final Set<String> TOP_LEVEL_ROUTE_KEYS =
      Set.of("name", "description", "models", "selection_policy");
  private static final Set<String> PREFERENCES = Set.of("cheapest", "fastest", "none");

  private ProxyConfigRules() {}

  /** Checks a config tree; returns the providers key in use ({@code null} when there is none). */
  static String check(JsonNode root, YamlSchema schema) {
    boolean modern = root.has(MODEL_PROVIDERS);
    boolean legacy = root.has(LEGACY_PROVIDERS);
    if (modern && legacy) {
      schema.problem(
          LEGACY_PROVIDERS, "use either model_providers or the legacy llm_providers, not both");
    }
    String providersKey = legacy && !modern ? LEGACY_PROVIDERS : MODEL_PROVIDERS;
    List<JsonNode> providers = schema.list(root, providersKey, "", true);

    var providerNames = new HashMap<String, String>();
    var models = new HashMap<String, String>();
    var routeNames = new HashMap<String, String>();
    int defaults = 0;
    for (int p = 0; p < providers.size(); p++) {
      String path = providersKey + "[" + p + "]";
      JsonNode provider = providers.get(p);
      if (!provider.isObject()) {
        schema.problem(path, "expected a provider mapping with at least a model");
        continue;
      }
      String model = schema.string(provider, "model", path, true);
      if (model != null && models.putIfAbsent(model, path) != null) {
        schema.problem(
            path + ".model", "model \"" + model + "\" is also declared by " + models.get(model));
      }
      String name = schema.string(provider, "name", path, false);
      if (name != null && providerNames.putIfAbsent(name, path) != null) {
        schema.problem(
            path + ".name",
            "provider name \"" + name + "\" is also used by " + providerNames.get(name));
      }
      if (schema.bool(provider, "default", path)) {
        defaults++;
      }
      List<JsonNode> routes = schema.list(provider, ROUTING_PREFERENCES, path, false);
      for (int r = 0; r < routes.size(); r++) {
        checkRoute(
            routes.get(r),
            path + "." + ROUTING_PREFERENCES + "[" + r + "]",
            INLINE_ROUTE_KEYS,
            routeNames,
            schema);
      }
    }
    if (defaults > 1) {
      schema.problem(
          providersKey, defaults + " providers are marked default: true; at most one may be");
    }
    List<JsonNode> topLevelRoutes = schema.list(root, ROUTING_PREFERENCES, "", false);
    for (int r = 0; r < topLevelRoutes.size(); r++) {
      String path = ROUTING_PREFERENCES + "[" + r + "]";
      JsonNode route = topLevelRoutes.get(r);
      if (!checkRoute(route, path, TOP_LEVEL_ROUTE_KEYS, routeNames, schema)) {
        continue;
      }
      List<String> routeModels = schema.strings(route, "models", path);
      if (routeModels.isEmpty() && !schema.hasProblems()) {
        schema.problem(path + ".models", "needs at least one model (the first is preferred)");
      }
      for (int m = 0; m < routeModels.size(); m++) {
        if (!models.containsKey(routeModels.get(m))) {
          schema.problem(
              path + ".models[" + m + "]",
              "\"" + routeModels.get(m) + "\" is not the model of any declared provider");
        }
      }
      JsonNode selection = route.get("selection_policy");
      if (selection != null && !selection.isNull()) {
        if (!selection.isObject()) {
          schema.problem(path + ".selection_policy", "expected a mapping with prefer");
        } else {
          String prefer = schema.string(selection, "prefer", path + ".selection_policy", false);
          if (prefer != null && !PREFERENCES.contains(prefer)) {
            schema.problem(
                path + ".selection_policy.prefer",
                "must be cheapest, fastest or none, not \"" + prefer + "\"");
          }
        }
      }
    }
    return providers.isEmpty() && !modern && !legacy ? null : providersKey;
  }

  private static boolean checkRoute(
      JsonNode route,
      String path,
      Set<String> allowedKeys,
      Map<String, String> routeNames,
      YamlSchema schema) {
    if (!route.isObject()) {
      schema.problem(path, "expected a mapping with name and description");
      return false;
    }
    Iterator<String> keys = route.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!allowedKeys.contains(key)) {
        schema.problem(
            path + "." + key,
            "unknown key; a route has only "
                + String.join(", ", new HashSet<>(allowedKeys).stream().sorted().toList()));
      }
    }
    String name = schema.string(route, "name", path, true);
    String description = schema.string(route, "description", path, true);
    if (name != null && routeNames.putIfAbsent(name, path) != null) {
      schema.problem(
          path + ".name",
          "route name \""
              + name
              + "\" is also used by "
              + routeNames.get(name)
              + "; the proxy rejects duplicates");
    }
    if (description != null && description.isBlank()) {
      schema.problem(
          path + ".description", "is empty; the router chooses routes by their descriptions");
    }
    return true;
  }
}
