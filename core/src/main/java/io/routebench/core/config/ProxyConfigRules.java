package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxies' own validation rules for a config (archgw v0.3.0 inline routes, plano v0.4.0
 * top-level routes), plus RouteBench's stricter rule that every route has a non-empty description
 * (the proxies' schemas let an empty one through, and the router then cannot choose that route).
 *
 * <p>Import runs these rules before building a document; tests and the exporter run them on
 * exported configs.
 */
public final class ProxyConfigRules {

  static final String MODEL_PROVIDERS = "model_providers";
  static final String LEGACY_PROVIDERS = "llm_providers";
  static final String ROUTING_PREFERENCES = "routing_preferences";

  private static final List<String> INLINE_ROUTE_KEYS = List.of("name", "description");
  private static final List<String> TOP_LEVEL_ROUTE_KEYS =
      List.of("name", "description", "models", "selection_policy");
  private static final List<String> SELECTION_POLICY_KEYS = List.of("prefer");
  private static final List<String> PREFERENCES = List.of("cheapest", "fastest", "none");

  /** The versions the proxies' config schema accepts (plano's {@code version} enum). */
  static final List<String> KNOWN_VERSIONS =
      List.of("v0.1", "v0.1.0", "0.1-beta", "0.2.0", "v0.3.0", "v0.4.0");

  /**
   * Top-level keys of the proxies' config schemas, archgw v0.3.0's and plano v0.4.0's together
   * (archgw's {@code state_storage_v1_responses} is plano's {@code state_storage}).
   */
  static final List<String> TOP_LEVEL_KEYS =
      List.of(
          "version",
          "agents",
          "filters",
          "listeners",
          "endpoints",
          MODEL_PROVIDERS,
          LEGACY_PROVIDERS,
          "model_aliases",
          "overrides",
          "prompt_caching",
          "system_prompt",
          "prompt_targets",
          "ratelimits",
          "tracing",
          "mode",
          "routing",
          "state_storage",
          "state_storage_v1_responses",
          "prompt_guards",
          ROUTING_PREFERENCES,
          "model_metrics_sources");

  /** The keys of a provider entry in the proxies' config schema. */
  static final List<String> PROVIDER_KEYS =
      List.of(
          "name",
          "access_key",
          "model",
          "default",
          "base_url",
          "passthrough_auth",
          "http_host",
          "provider_interface",
          "headers",
          ROUTING_PREFERENCES);

  private static final int HIGHEST_PORT = 65_535;

  private ProxyConfigRules() {}

  /**
   * Checks a config tree built in memory; the problems carry key paths but no line or column.
   *
   * @return every broken rule, empty when the config passes
   */
  public static List<ConfigFormatException.Problem> check(JsonNode config) {
    return collect(LocatedYaml.unlocated("config", config));
  }

  /**
   * Checks config text; each problem carries the line and column of the offending node.
   *
   * @return every broken rule, empty when the config passes
   * @throws ConfigFormatException when the text is not valid YAML
   */
  public static List<ConfigFormatException.Problem> check(String sourceName, String yamlText) {
    return collect(LocatedYaml.parse(sourceName, yamlText));
  }

  private static List<ConfigFormatException.Problem> collect(LocatedYaml yaml) {
    var schema = new YamlSchema(yaml);
    ObjectNode root = schema.object(yaml.root(), "");
    if (root != null) {
      check(root, schema);
    }
    return schema.problems();
  }

  /**
   * Reports every broken rule to {@code schema}.
   *
   * @return the providers key the config uses: {@code model_providers}, or {@code llm_providers}
   *     when only the legacy key is present
   */
  static String check(ObjectNode root, YamlSchema schema) {
    checkVersion(root, schema);
    KeyTypos.check(root, "", TOP_LEVEL_KEYS, schema);
    checkListenerPorts(root.get("listeners"), schema);
    boolean modern = root.has(MODEL_PROVIDERS);
    boolean legacy = root.has(LEGACY_PROVIDERS);
    if (modern && legacy) {
      schema.problem(
          LEGACY_PROVIDERS, "use either model_providers or the legacy llm_providers, not both");
    }
    if (!modern && !legacy) {
      schema.problem(
          "",
          "a proxy config needs model_providers (or the legacy llm_providers): the models"
              + " routes can send traffic to");
    }
    String providersKey = legacy && !modern ? LEGACY_PROVIDERS : MODEL_PROVIDERS;
    Map<String, String> models = new HashMap<>();
    Map<String, String> routeNames = new HashMap<>();
    checkProviders(root, providersKey, models, routeNames, schema);
    checkTopLevelRoutes(root, models, routeNames, schema);
    return providersKey;
  }

  private static void checkProviders(
      ObjectNode root,
      String providersKey,
      Map<String, String> models,
      Map<String, String> routeNames,
      YamlSchema schema) {
    List<JsonNode> providers = schema.list(root, providersKey, "", false);
    var providerNames = new HashMap<String, String>();
    int defaults = 0;
    for (int p = 0; p < providers.size(); p++) {
      String path = LocatedYaml.index(providersKey, p);
      JsonNode provider = providers.get(p);
      if (!provider.isObject()) {
        schema.problem(
            path,
            "expected a provider mapping with at least a model, found "
                + YamlSchema.describe(provider));
        continue;
      }
      KeyTypos.check((ObjectNode) provider, path, PROVIDER_KEYS, schema);
      String model = schema.string(provider, "model", path, true);
      if (model != null && models.putIfAbsent(model, path) != null) {
        schema.problem(
            path + ".model",
            "model \"" + model + "\" is also declared by " + models.get(model) + "; use it once");
      }
      String name = schema.string(provider, "name", path, false);
      if (name != null && providerNames.putIfAbsent(name, path) != null) {
        schema.problem(
            path + ".name",
            "provider name \"" + name + "\" is also used by " + providerNames.get(name));
      }
      schema.string(provider, "access_key", path, false);
      schema.string(provider, "base_url", path, false);
      schema.string(provider, "provider_interface", path, false);
      if (schema.bool(provider, "default", path)) {
        defaults++;
      }
      String routesPath = LocatedYaml.child(path, ROUTING_PREFERENCES);
      List<JsonNode> routes = schema.list(provider, ROUTING_PREFERENCES, path, false);
      for (int r = 0; r < routes.size(); r++) {
        checkRoute(
            routes.get(r), LocatedYaml.index(routesPath, r), INLINE_ROUTE_KEYS, routeNames, schema);
      }
    }
    if (defaults > 1) {
      schema.problem(
          providersKey, defaults + " providers are marked default: true; at most one may be");
    }
  }

  /**
   * The proxies accept only the versions of their schema; another one (a typo, a version from the
   * future) would be exported as it is and refused by the proxy at start.
   */
  private static void checkVersion(ObjectNode root, YamlSchema schema) {
    String version = schema.string(root, "version", "", false);
    if (version != null && !KNOWN_VERSIONS.contains(version)) {
      schema.problem(
          "version",
          "\""
              + version
              + "\" is not a config version the proxies know; use one of "
              + String.join(", ", KNOWN_VERSIONS)
              + " (v0.3.0 for routes inside providers, v0.4.0 for plano's top-level routes)");
    }
  }

  /**
   * A listener's {@code port} is a TCP port: a whole number from 1 to 65535. The listeners are kept
   * and exported as they are, so a bad port would reach the proxy, which fails to start. Listeners
   * are a list (current) or {@code ingress_traffic}/{@code egress_traffic} (legacy).
   */
  private static void checkListenerPorts(JsonNode listeners, YamlSchema schema) {
    if (listeners == null) {
      return;
    }
    if (listeners.isArray()) {
      for (int i = 0; i < listeners.size(); i++) {
        checkPort(listeners.get(i), LocatedYaml.index("listeners", i), schema);
      }
    } else if (listeners.isObject()) {
      for (String direction : List.of("ingress_traffic", "egress_traffic")) {
        checkPort(listeners.get(direction), LocatedYaml.child("listeners", direction), schema);
      }
    }
  }

  private static void checkPort(JsonNode listener, String path, YamlSchema schema) {
    if (listener == null || !listener.isObject() || !listener.has("port")) {
      return;
    }
    JsonNode port = listener.get("port");
    boolean valid =
        port.isIntegralNumber()
            && port.canConvertToInt()
            && port.intValue() >= 1
            && port.intValue() <= HIGHEST_PORT;
    if (!valid) {
      schema.problem(
          path + ".port",
          "must be a port number from 1 to "
              + HIGHEST_PORT
              + ", found "
              + YamlSchema.describe(port));
    }
  }

  private static void checkTopLevelRoutes(
      ObjectNode root,
      Map<String, String> models,
      Map<String, String> routeNames,
      YamlSchema schema) {
    List<JsonNode> routes = schema.list(root, ROUTING_PREFERENCES, "", false);
    for (int r = 0; r < routes.size(); r++) {
      String path = LocatedYaml.index(ROUTING_PREFERENCES, r);
      JsonNode route = routes.get(r);
      if (!checkRoute(route, path, TOP_LEVEL_ROUTE_KEYS, routeNames, schema)) {
        continue;
      }
      String modelsPath = path + ".models";
      JsonNode modelsNode = route.get("models");
      if (modelsNode == null || modelsNode.isNull()) {
        schema.problem(modelsPath, "is required: the models this route may use, preferred first");
      } else if (modelsNode.isArray() && modelsNode.isEmpty()) {
        schema.problem(modelsPath, "needs at least one model (the first is preferred)");
      }
      List<String> routeModels = schema.strings(route, "models", path);
      for (int m = 0; m < routeModels.size(); m++) {
        if (!models.containsKey(routeModels.get(m))) {
          schema.problem(
              LocatedYaml.index(modelsPath, m),
              "\"" + routeModels.get(m) + "\" is not the model of any declared provider");
        }
      }
      checkSelectionPolicy(route.get("selection_policy"), path + ".selection_policy", schema);
    }
  }

  private static void checkSelectionPolicy(JsonNode selection, String path, YamlSchema schema) {
    if (selection == null || selection.isNull()) {
      return;
    }
    ObjectNode policy = schema.object(selection, path);
    if (policy == null) {
      return;
    }
    schema.onlyKeys(policy, path, SELECTION_POLICY_KEYS);
    String prefer = schema.string(policy, "prefer", path, true);
    if (prefer != null && !PREFERENCES.contains(prefer)) {
      schema.problem(path + ".prefer", "must be cheapest, fastest or none, not \"" + prefer + "\"");
    }
  }

  /** Returns whether the route is a mapping (its remaining rules could be checked). */
  private static boolean checkRoute(
      JsonNode route,
      String path,
      List<String> allowedKeys,
      Map<String, String> routeNames,
      YamlSchema schema) {
    if (!route.isObject()) {
      schema.problem(
          path,
          "expected a route mapping with "
              + String.join(", ", allowedKeys)
              + ", found "
              + YamlSchema.describe(route));
      return false;
    }
    for (String key : (Iterable<String>) route::fieldNames) {
      if (allowedKeys.contains(key)) {
        continue;
      }
      boolean planoKeyInline = TOP_LEVEL_ROUTE_KEYS.contains(key);
      schema.keyProblem(
          LocatedYaml.child(path, key),
          planoKeyInline
              ? key
                  + " belongs to plano v0.4.0 routes, listed under a top-level"
                  + " routing_preferences; a route inside a provider has only name and description"
              : "unknown key; a route has only " + String.join(", ", allowedKeys));
    }
    String name = schema.string(route, "name", path, true);
    String description = schema.string(route, "description", path, true);
    if (name != null && name.isBlank()) {
      schema.problem(path + ".name", "is empty; the router answers with this name");
    } else if (name != null && routeNames.putIfAbsent(name, path) != null) {
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
