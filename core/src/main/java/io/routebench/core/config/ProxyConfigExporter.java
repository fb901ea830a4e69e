package io.routebench.core.config;

import static io.routebench.core.config.ProxyConfigImporter.ROUTER_PROVIDER_KEY;
import static io.routebench.core.config.ProxyConfigRules.LEGACY_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.MODEL_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.ROUTING_PREFERENCES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.ProxyDialect.RouteLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a workspace as a proxy config in the dialect the user deploys to, putting back every key
 * an imported config carried that RouteBench does not model, in its original place.
 *
 * <p>Top-level key order is the imported config's; a document that was never imported gets {@code
 * version, listeners, model_providers, routing_preferences, routing/overrides} and a default model
 * listener on port 12000, because both proxies require {@code listeners}.
 */
public final class ProxyConfigExporter {

  /** archgw v0.3.0's schema allows no other top-level keys. */
  private static final Set<String> ARCHGW_TOP_LEVEL_KEYS =
      Set.of(
          "version",
          "agents",
          "listeners",
          "endpoints",
          MODEL_PROVIDERS,
          LEGACY_PROVIDERS,
          "model_aliases",
          "overrides",
          "system_prompt",
          "prompt_targets",
          "ratelimits",
          "tracing",
          "mode",
          "routing",
          "state_storage_v1_responses",
          "prompt_guards");

  /** archgw v0.3.0's schema allows no other provider keys. */
  private static final Set<String> ARCHGW_PROVIDER_KEYS =
      Set.of(
          "name",
          "access_key",
          "model",
          "default",
          "base_url",
          "http_host",
          "provider_interface",
          ROUTING_PREFERENCES);

  private ProxyConfigExporter() {}

  /**
   * @return the config text and what the user should know: routes or settings the dialect cannot
   *     express (left out), keys the target proxy will not accept, and any proxy rule the result
   *     still breaks
   */
  public static ProxyExport export(PolicyDocument document, ProxyExportOptions options) {
    ProxyDialect dialect = options.dialect();
    ProxyConfigExtras extras = document.proxyExtras();
    boolean sameDialect = extras.dialect() == dialect;
    var warnings = new ArrayList<String>();

    String providersKey =
        options.legacyProvidersKey()
            ? LEGACY_PROVIDERS
            : sameDialect && extras.providersKey() != null
                ? extras.providersKey()
                : MODEL_PROVIDERS;
    String version =
        sameDialect && extras.version() != null ? extras.version() : dialect.configVersion();

    ObjectNode kept = Yaml.objectFromJson(extras.topLevelJson());
    var router =
        new ExportedRouter(
            document.selfHostedRouter(),
            dialect,
            extras.dialect(),
            kept.remove(ROUTER_PROVIDER_KEY));
    var routes = new ExportedRoutes(document, dialect, warnings);
    ArrayNode providers = routes.providers();
    router.addProviderTo(providers);

    var config = new LinkedHashMap<String, JsonNode>();
    for (Map.Entry<String, JsonNode> field : kept.properties()) {
      switch (field.getKey()) {
        case "version" -> config.put("version", Yaml.JSON.getNodeFactory().textNode(version));
        case MODEL_PROVIDERS, LEGACY_PROVIDERS -> config.put(providersKey, providers);
        case ROUTING_PREFERENCES -> {
          if (dialect.routeLayout() == RouteLayout.TOP_LEVEL) {
            config.put(ROUTING_PREFERENCES, routes.topLevelRoutes());
          }
        }
        case "routing" -> putIfPresent(config, "routing", router.routing(field.getValue()));
        case "overrides" -> putIfPresent(config, "overrides", router.overrides(field.getValue()));
        default -> config.put(field.getKey(), field.getValue());
      }
    }

    if (!config.containsKey("version")) {
      insertAfter(config, null, "version", Yaml.JSON.getNodeFactory().textNode(version));
    }
    if (extras.dialect() == null && !config.containsKey("listeners")) {
      insertAfter(config, "version", "listeners", defaultListeners(dialect));
    }
    if (!config.containsKey(providersKey)) {
      insertAfter(
          config,
          config.containsKey("listeners") ? "listeners" : "version",
          providersKey,
          providers);
    }
    if (dialect.routeLayout() == RouteLayout.TOP_LEVEL
        && !config.containsKey(ROUTING_PREFERENCES)) {
      insertAfter(config, providersKey, ROUTING_PREFERENCES, routes.topLevelRoutes());
    }
    if (router.present() && !config.containsKey(router.blockKey())) {
      putIfPresent(config, router.blockKey(), router.newBlock());
    }

    ObjectNode tree = Yaml.JSON.createObjectNode();
    tree.setAll(config);
    boolean rejectsUnknownTopLevelKeys =
        switch (dialect) {
          case ARCHGW_V0_3 -> true;
          case PLANO_V0_4 -> false;
        };
    if (rejectsUnknownTopLevelKeys && extras.dialect() != null && extras.dialect() != dialect) {
      warnAboutKeysArchgwRejects(tree, providersKey, warnings);
    }
    for (ConfigFormatException.Problem problem : ProxyConfigRules.check(tree)) {
      warnings.add(
          "the exported config breaks a proxy rule: "
              + (problem.keyPath().isEmpty() ? "" : problem.keyPath() + ": ")
              + problem.message());
    }
    return new ProxyExport(Yaml.write(tree), warnings);
  }

  /** A model listener the way each proxy's own demos declare one. */
  private static JsonNode defaultListeners(ProxyDialect dialect) {
    return switch (dialect) {
      case ARCHGW_V0_3 -> {
        ObjectNode listeners = Yaml.JSON.createObjectNode();
        listeners
            .putObject("egress_traffic")
            .put("address", "0.0.0.0")
            .put("port", 12000)
            .put("message_format", "openai")
            .put("timeout", "30s");
        yield listeners;
      }
      case PLANO_V0_4 -> {
        ArrayNode listeners = Yaml.JSON.createArrayNode();
        listeners.addObject().put("type", "model").put("name", "model_listener").put("port", 12000);
        yield listeners;
      }
    };
  }

  /** A plano config carried to archgw may hold keys archgw v0.3.0's schema rejects. */
  private static void warnAboutKeysArchgwRejects(
      ObjectNode config, String providersKey, List<String> warnings) {
    for (String key : (Iterable<String>) config::fieldNames) {
      if (!ARCHGW_TOP_LEVEL_KEYS.contains(key)) {
        warnings.add(
            "top-level key \""
                + key
                + "\" came from the plano config and archgw v0.3.0 does not accept it; remove it"
                + " before deploying");
      }
    }
    JsonNode providers = config.path(providersKey);
    for (int p = 0; p < providers.size(); p++) {
      for (String key : (Iterable<String>) providers.get(p)::fieldNames) {
        if (!ARCHGW_PROVIDER_KEYS.contains(key)) {
          warnings.add(
              providersKey
                  + "["
                  + p
                  + "]: key \""
                  + key
                  + "\" came from the plano config and archgw v0.3.0 does not accept it");
        }
      }
    }
  }

  /** Inserts {@code key} right after {@code anchor} (first when {@code null} or absent). */
  private static void insertAfter(
      LinkedHashMap<String, JsonNode> map, String anchor, String key, JsonNode value) {
    var copy = new LinkedHashMap<>(map);
    map.clear();
    if (anchor == null || !copy.containsKey(anchor)) {
      map.put(key, value);
      map.putAll(copy);
      return;
    }
    copy.forEach(
        (existingKey, existingValue) -> {
          map.put(existingKey, existingValue);
          if (existingKey.equals(anchor)) {
            map.put(key, value);
          }
        });
  }

  private static void putIfPresent(Map<String, JsonNode> config, String key, JsonNode value) {
    if (value != null) {
      config.put(key, value);
    }
  }
}
