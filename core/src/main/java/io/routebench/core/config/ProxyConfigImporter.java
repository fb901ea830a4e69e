package io.routebench.core.config;

import static io.routebench.core.config.ProxyConfigRules.LEGACY_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.MODEL_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.ROUTING_PREFERENCES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an archgw (v0.3.0 and earlier) or plano (v0.4.0) config into a workspace document.
 *
 * <p>The proxy has no taxonomy, so each target model becomes a domain holding the routes that
 * prefer it. Everything RouteBench does not model is kept in {@link ProxyConfigExtras} and written
 * back unchanged on export.
 */
public final class ProxyConfigImporter {

  /** Provider keys RouteBench models; every other provider key is kept verbatim. */
  static final Set<String> MODELLED_PROVIDER_KEYS =
      Set.of(
          "model",
          "name",
          "access_key",
          "base_url",
          "default",
          "provider_interface",
          ROUTING_PREFERENCES);

  /** Top-level keys RouteBench rebuilds on export; kept in extras only as position markers. */
  static final Set<String> MODELLED_TOP_LEVEL_KEYS =
      Set.of("version", MODEL_PROVIDERS, LEGACY_PROVIDERS, ROUTING_PREFERENCES);

  /** Where the router's own provider entry is parked in the extras (never exported as a key). */
  static final String ROUTER_PROVIDER_KEY = "__routebench_router_provider__";

  private ProxyConfigImporter() {}

  public static ProxyImportResult importConfig(Path file) throws IOException {
    return importConfig(file.getFileName().toString(), Files.readString(file));
  }

  /**
   * @throws ConfigFormatException listing every problem with its line, column and key path
   */
  public static ProxyImportResult importConfig(String sourceName, String yamlText) {
    var yaml = LocatedYaml.parse(sourceName, yamlText);
    var schema = new YamlSchema(yaml);
    ObjectNode root = schema.object(yaml.root(), "");
    schema.throwIfProblems();
    String providersKey = ProxyConfigRules.check(root, schema);
    schema.throwIfProblems();

    List<JsonNode> providers = new ArrayList<>();
    root.path(providersKey).forEach(providers::add);
    boolean topLevelRoutes = root.has(ROUTING_PREFERENCES);
    boolean inlineRoutes = providers.stream().anyMatch(p -> p.has(ROUTING_PREFERENCES));
    if (topLevelRoutes && inlineRoutes) {
      throw yaml.error(
          ROUTING_PREFERENCES,
          "routes are declared both at the top level (plano v0.4.0) and inside providers (archgw); use one");
    }
    ProxyDialect dialect = topLevelRoutes ? ProxyDialect.PLANO_V0_4 : ProxyDialect.ARCHGW_V0_3;
    var warnings = new ArrayList<String>();

    ObjectNode extrasTree = Yaml.JSON.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      extrasTree.set(
          field.getKey(),
          MODELLED_TOP_LEVEL_KEYS.contains(field.getKey()) ? null : field.getValue());
    }

    String routerProviderModel = routerProviderModel(root, providers, dialect);
    SelfHostedRouter router = null;
    var targets = new ArrayList<ModelTarget>();
    var providerLabels = new LinkedHashMap<String, String>();
    for (JsonNode provider : providers) {
      String model = provider.path("model").asText();
      if (model.equals(routerProviderModel)) {
        router =
            new SelfHostedRouter(
                withoutProviderPrefix(model), text(provider, "base_url"), text(provider, "name"));
        extrasTree.set(ROUTER_PROVIDER_KEY, provider.deepCopy());
        continue;
      }
      ObjectNode unmodelled = Yaml.JSON.createObjectNode();
      provider
          .fields()
          .forEachRemaining(
              f -> {
                if (!MODELLED_PROVIDER_KEYS.contains(f.getKey())) {
                  unmodelled.set(f.getKey(), f.getValue());
                }
              });
      var target =
          new ModelTarget(
              model,
              text(provider, "name"),
              text(provider, "base_url"),
              text(provider, "access_key"),
              provider.path("default").asBoolean(false),
              text(provider, "provider_interface"),
              Yaml.json(unmodelled));
      targets.add(target);
      providerLabels.put(model, target.label());
    }

    var actionsByModel = new LinkedHashMap<String, List<Action>>();
    providerLabels.keySet().forEach(model -> actionsByModel.put(model, new ArrayList<>()));
    if (dialect == ProxyDialect.ARCHGW_V0_3) {
      for (JsonNode provider : providers) {
        String model = provider.path("model").asText();
        for (JsonNode route : provider.path(ROUTING_PREFERENCES)) {
          actionsByModel
              .computeIfAbsent(model, m -> new ArrayList<>())
              .add(action(route, model, List.of(), SelectionPreference.NONE));
        }
      }
    } else {
      for (JsonNode route : root.path(ROUTING_PREFERENCES)) {
        List<String> models = new ArrayList<>();
        route.path("models").forEach(m -> models.add(m.asText()));
        String prefer = route.path("selection_policy").path("prefer").asText("none");
        actionsByModel
            .computeIfAbsent(models.get(0), m -> new ArrayList<>())
            .add(
                action(
                    route,
                    models.get(0),
                    models.subList(1, models.size()),
                    SelectionPreference.fromWireName(prefer)));
      }
    }
    var domains = new ArrayList<Domain>();
    actionsByModel.forEach(
        (model, actions) -> {
          if (!actions.isEmpty()) {
            domains.add(
                new Domain(
                    UUID.randomUUID().toString(),
                    providerLabels.getOrDefault(model, model),
                    "Routes imported from " + sourceName + " that prefer " + model + ".",
                    null,
                    actions));
          }
        });
    if (targets.stream().noneMatch(ModelTarget::isDefault)) {
      warnings.add(
          sourceName
              + ": no provider is marked default: true; requests matching no route have nowhere to go");
    }

    var extras =
        new ProxyConfigExtras(Yaml.json(extrasTree), dialect, text(root, "version"), providersKey);
    String name = sourceName.replaceFirst("\\.(ya?ml)$", "");
    PromptProfile profile =
        dialect == ProxyDialect.PLANO_V0_4 ? PromptProfile.PLANO_V1 : PromptProfile.ARCHGW_V1;
    var document =
        new PolicyDocument(name, profile, new Taxonomy(domains), targets, router, extras);
    return new ProxyImportResult(document, warnings);
  }

  /** The model of the provider that serves the proxy's own router, if the config names one. */
  private static String routerProviderModel(
      JsonNode root, List<JsonNode> providers, ProxyDialect dialect) {
    String archgwProvider = text(root.path("routing"), "model_provider");
    if (archgwProvider != null) {
      for (JsonNode provider : providers) {
        if (archgwProvider.equals(text(provider, "name"))) {
          return provider.path("model").asText();
        }
      }
    }
    String planoModel = text(root.path("overrides"), "llm_routing_model");
    if (planoModel != null) {
      for (JsonNode provider : providers) {
        if (planoModel.equals(provider.path("model").asText())) {
          return planoModel;
        }
      }
    }
    return null;
  }

  private static Action action(
      JsonNode route, String model, List<String> fallbacks, SelectionPreference preference) {
    String name = route.path("name").asText();
    return new Action(
        UUID.randomUUID().toString(),
        name,
        route.path("description").asText(),
        new PolicySettings(null, model, fallbacks, preference));
  }

  static String withoutProviderPrefix(String model) {
    int slash = model.indexOf('/');
    return slash < 0 ? model : model.substring(slash + 1);
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }
}
