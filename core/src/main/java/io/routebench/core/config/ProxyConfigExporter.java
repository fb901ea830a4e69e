package io.routebench.core.config;

import static io.routebench.core.config.ProxyConfigImporter.ROUTER_PROVIDER_KEY;
import static io.routebench.core.config.ProxyConfigRules.LEGACY_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.MODEL_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.ROUTING_PREFERENCES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a workspace as a proxy config in the dialect the user deploys to, putting back every key
 * an imported config carried that RouteBench does not model, in its original place.
 */
public final class ProxyConfigExporter {

  private static final String ARCHGW_ROUTER_PREFIX = "arch/";
  private static final String PLANO_ROUTER_PREFIX = "plano/";
  private static final String DEFAULT_ROUTER_PROVIDER = "arch-router";

  private ProxyConfigExporter() {}

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
    JsonNode storedRouterProvider = kept.remove(ROUTER_PROVIDER_KEY);
    ArrayNode providers = providers(document, dialect, warnings);
    ObjectNode routerProvider =
        routerProvider(
            document.selfHostedRouter(), dialect, sameDialect ? storedRouterProvider : null);
    if (routerProvider != null) {
      providers.add(routerProvider);
    }

    ObjectNode config = Yaml.JSON.createObjectNode();
    if (!kept.has("version")) {
      config.put("version", version);
    }
    boolean providersWritten = false;
    Iterator<Map.Entry<String, JsonNode>> fields = kept.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String key = field.getKey();
      switch (key) {
        case "version" -> config.put("version", version);
        case MODEL_PROVIDERS, LEGACY_PROVIDERS -> {
          if (!providersWritten) {
            config.set(providersKey, providers);
            providersWritten = true;
          }
        }
        case ROUTING_PREFERENCES -> {
          if (dialect == ProxyDialect.PLANO_V0_4) {
            config.set(ROUTING_PREFERENCES, topLevelRoutes(document));
          }
        }
        case "routing" -> {
          JsonNode routing =
              adjustedRouting(
                  field.getValue(), document.selfHostedRouter(), routerProvider, dialect);
          if (routing != null) {
            config.set("routing", routing);
          }
        }
        case "overrides" -> {
          JsonNode overrides = adjustedOverrides(field.getValue(), routerProvider, dialect);
          if (overrides != null) {
            config.set("overrides", overrides);
          }
        }
        default -> config.set(key, field.getValue());
      }
    }
    if (!providersWritten) {
      config.set(providersKey, providers);
    }
    if (dialect == ProxyDialect.PLANO_V0_4 && !config.has(ROUTING_PREFERENCES)) {
      config.set(ROUTING_PREFERENCES, topLevelRoutes(document));
    }
    if (routerProvider != null) {
      if (dialect == ProxyDialect.ARCHGW_V0_3 && !config.has("routing")) {
        config.set(
            "routing",
            adjustedRouting(
                Yaml.JSON.createObjectNode(),
                document.selfHostedRouter(),
                routerProvider,
                dialect));
      }
      if (dialect == ProxyDialect.PLANO_V0_4 && !config.has("overrides")) {
        config.set(
            "overrides", adjustedOverrides(Yaml.JSON.createObjectNode(), routerProvider, dialect));
      }
    }
    return new ProxyExport(Yaml.write(config), warnings);
  }

  private static ArrayNode providers(
      PolicyDocument document, ProxyDialect dialect, List<String> warnings) {
    ArrayNode providers = Yaml.JSON.createArrayNode();
    List<RoutingPolicy> policies = document.taxonomy().policies();
    for (ModelTarget target : document.targets()) {
      ObjectNode provider = providers.addObject();
      putIfPresent(provider, "name", target.displayName());
      provider.put("model", target.model());
      putIfPresent(provider, "access_key", target.accessKeyRef());
      putIfPresent(provider, "base_url", target.baseUrl());
      putIfPresent(provider, "provider_interface", target.providerInterface());
      if (target.isDefault()) {
        provider.put("default", true);
      }
      provider.setAll(Yaml.objectFromJson(target.extrasJson()));
      if (dialect == ProxyDialect.ARCHGW_V0_3) {
        ArrayNode routes = Yaml.JSON.createArrayNode();
        for (RoutingPolicy policy : policies) {
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
    if (dialect == ProxyDialect.ARCHGW_V0_3) {
      for (RoutingPolicy policy : policies) {
        if (!policy.fallbackModels().isEmpty() || policy.preference() != SelectionPreference.NONE) {
          warnings.add(
              "route \""
                  + policy.routeName()
                  + "\": archgw v0.3.0 has no fallbacks or selection preference;"
                  + " they are left out (export to plano v0.4.0 to keep them)");
        }
      }
    }
    return providers;
  }

  private static ArrayNode topLevelRoutes(PolicyDocument document) {
    ArrayNode routes = Yaml.JSON.createArrayNode();
    for (RoutingPolicy policy : document.taxonomy().policies()) {
      ObjectNode route = routes.addObject();
      route.put("name", policy.routeName());
      route.put("description", policy.description());
      ArrayNode models = route.putArray("models");
      policy.modelsInPreferenceOrder().forEach(models::add);
      if (policy.preference() != SelectionPreference.NONE) {
        route.putObject("selection_policy").put("prefer", policy.preference().wireName());
      }
    }
    return routes;
  }

  private static ObjectNode routerProvider(
      SelfHostedRouter router, ProxyDialect dialect, JsonNode stored) {
    if (router == null) {
      return null;
    }
    String prefix =
        dialect == ProxyDialect.ARCHGW_V0_3 ? ARCHGW_ROUTER_PREFIX : PLANO_ROUTER_PREFIX;
    ObjectNode provider =
        stored instanceof ObjectNode object ? object.deepCopy() : Yaml.JSON.createObjectNode();
    String storedModel = provider.path("model").asText("");
    String model =
        ProxyConfigImporter.withoutProviderPrefix(storedModel).equals(router.model())
                && !storedModel.isEmpty()
            ? storedModel
            : prefix + router.model();
    ObjectNode ordered = Yaml.JSON.createObjectNode();
    ordered.put(
        "name", router.providerName() != null ? router.providerName() : DEFAULT_ROUTER_PROVIDER);
    ordered.put("model", model);
    if (router.baseUrl() != null) {
      ordered.put("base_url", router.baseUrl());
    }
    provider.remove(List.of("name", "model", "base_url"));
    ordered.setAll(provider);
    return ordered;
  }

  private static JsonNode adjustedRouting(
      JsonNode routing, SelfHostedRouter router, ObjectNode routerProvider, ProxyDialect dialect) {
    if (!(routing instanceof ObjectNode original)) {
      return routing;
    }
    ObjectNode copy = original.deepCopy();
    if (dialect == ProxyDialect.PLANO_V0_4) {
      // plano reads its router from overrides.llm_routing_model instead.
      copy.remove(List.of("model", "model_provider", "llm_provider"));
      return copy.isEmpty() ? null : copy;
    }
    if (routerProvider == null) {
      copy.remove(List.of("model", "model_provider"));
      return copy.isEmpty() ? null : copy;
    }
    if (!copy.has("model")) {
      copy.put("model", "Arch-Router");
    }
    copy.put("model_provider", routerProvider.path("name").asText());
    return copy;
  }

  private static JsonNode adjustedOverrides(
      JsonNode overrides, ObjectNode routerProvider, ProxyDialect dialect) {
    if (!(overrides instanceof ObjectNode original)) {
      return overrides;
    }
    ObjectNode copy = original.deepCopy();
    if (dialect == ProxyDialect.PLANO_V0_4 && routerProvider != null) {
      copy.put("llm_routing_model", routerProvider.path("model").asText());
    } else {
      copy.remove("llm_routing_model");
    }
    return copy.isEmpty() ? null : copy;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
