package io.routebench.core.config;

import static io.routebench.core.config.ProxyConfigRules.LEGACY_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.MODEL_PROVIDERS;
import static io.routebench.core.config.ProxyConfigRules.ROUTING_PREFERENCES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.ids.FreshIds;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.ProxyDialect.RouteLayout;
import io.routebench.core.workspace.SelfHostedRouter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an archgw (v0.3.0 and earlier) or plano (v0.4.0) config into a workspace document.
 *
 * <p>The proxy has no taxonomy, so the routes are grouped into domains by {@link ImportedDomains}
 * (docs/formats.md). Everything RouteBench does not model is kept in {@link ProxyConfigExtras} and
 * written back unchanged by {@link ProxyConfigExporter}.
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

  /**
   * Where the extras keep the self-hosted router's provider entry ({@code provider}) and its
   * position in the providers list ({@code index}), so keys of that entry RouteBench does not model
   * and its place survive a round trip. Never written to a proxy config.
   */
  static final String ROUTER_PROVIDER_KEY = "__routebench_router_provider__";

  private static final Pattern PLANO_VERSION = Pattern.compile("v?0\\.(?:[4-9]|\\d{2,})(?:\\..*)?");

  private ProxyConfigImporter() {}

  public static ProxyImportResult importConfig(Path file) throws IOException {
    return importConfig(file.getFileName().toString(), ConfigText.read(file));
  }

  /**
   * @param sourceName the file name, used in messages and as the document's name
   * @throws ConfigFormatException listing every problem with its line, column and key path
   */
  public static ProxyImportResult importConfig(String sourceName, String yamlText) {
    return importConfig(sourceName, yamlText, LocatedYaml.parse(sourceName, yamlText));
  }

  /** As above, for text already parsed into {@code yaml}. */
  static ProxyImportResult importConfig(String sourceName, String yamlText, LocatedYaml yaml) {
    var schema = new YamlSchema(yaml);
    ObjectNode root = schema.object(yaml.root(), "");
    schema.throwIfProblems();
    String providersKey = ProxyConfigRules.check(root, schema);
    schema.throwIfProblems();

    List<JsonNode> providers = new ArrayList<>();
    root.path(providersKey).forEach(providers::add);
    ProxyDialect dialect = dialectOf(root, providers, yaml);
    var warnings = new ArrayList<String>();
    int routerIndex = routerProviderIndex(root, providers, warnings, sourceName);
    checkRouterIsNoTarget(root, providers, routerIndex, dialect, schema);
    schema.throwIfProblems();

    ObjectNode extrasTree = Yaml.JSON.createObjectNode();
    root.properties()
        .forEach(
            field ->
                extrasTree.set(
                    field.getKey(),
                    MODELLED_TOP_LEVEL_KEYS.contains(field.getKey()) ? null : field.getValue()));
    SelfHostedRouter router = null;
    if (routerIndex >= 0) {
      JsonNode provider = providers.get(routerIndex);
      router =
          new SelfHostedRouter(
              withoutProviderPrefix(provider.path("model").asText()),
              text(provider, "base_url"),
              text(provider, "name"));
      ObjectNode kept = extrasTree.putObject(ROUTER_PROVIDER_KEY);
      kept.put("index", routerIndex);
      kept.set("provider", provider.deepCopy());
    }

    var targets = new ArrayList<ModelTarget>();
    for (int p = 0; p < providers.size(); p++) {
      if (p != routerIndex) {
        targets.add(target(providers.get(p)));
      }
    }
    var routeOrder = new ArrayList<String>();
    Taxonomy taxonomy = taxonomy(root, providers, dialect, sourceName, routeOrder);
    if (LocatedYaml.hasComments(yamlText)) {
      warnings.add(
          sourceName
              + ": the config's comments are not kept; an export writes the config without them");
    }
    if (targets.stream().noneMatch(ModelTarget::isDefault)) {
      warnings.add(
          sourceName
              + ": no provider is marked default: true; requests matching no route have nowhere"
              + " to go");
    }

    var extras =
        new ProxyConfigExtras(Yaml.json(extrasTree), dialect, text(root, "version"), providersKey);
    String name = sourceName.replaceFirst("\\.(ya?ml)$", "");
    var document =
        new PolicyDocument(name, dialect.promptProfile(), taxonomy, targets, router, extras);
    if (!RouteOrder.routeNames(document).equals(routeOrder)) {
      warnings.add(
          sourceName
              + ": the workspace lists routes "
              + RouteOrder.RULE
              + ", which differs from this config's order; the router prompt and an export use"
              + " the workspace's order");
    }
    return new ProxyImportResult(document, routeOrder, warnings);
  }

  /**
   * Top-level routes mean plano v0.4.0, routes inside providers archgw; a config without routes
   * goes by its version.
   */
  private static ProxyDialect dialectOf(
      ObjectNode root, List<JsonNode> providers, LocatedYaml yaml) {
    boolean topLevelRoutes = isPresent(root.get(ROUTING_PREFERENCES));
    int inlineAt = -1;
    for (int p = 0; p < providers.size() && inlineAt < 0; p++) {
      if (isPresent(providers.get(p).get(ROUTING_PREFERENCES))) {
        inlineAt = p;
      }
    }
    if (topLevelRoutes && inlineAt >= 0) {
      String providersKey = root.has(MODEL_PROVIDERS) ? MODEL_PROVIDERS : LEGACY_PROVIDERS;
      throw yaml.error(
          LocatedYaml.child(LocatedYaml.index(providersKey, inlineAt), ROUTING_PREFERENCES),
          "routes are declared both at the top level (plano v0.4.0) and inside providers"
              + " (archgw v0.3.0); RouteBench imports one shape: move these routes to the"
              + " top-level routing_preferences with their models");
    }
    if (topLevelRoutes) {
      return ProxyDialect.PLANO_V0_4;
    }
    if (inlineAt >= 0) {
      return ProxyDialect.ARCHGW_V0_3;
    }
    String version = text(root, "version");
    return version != null && PLANO_VERSION.matcher(version).matches()
        ? ProxyDialect.PLANO_V0_4
        : ProxyDialect.ARCHGW_V0_3;
  }

  /**
   * The position of the provider that serves the proxy's own router, or -1 when the config names
   * none (the proxy then uses its built-in router).
   */
  private static int routerProviderIndex(
      ObjectNode root, List<JsonNode> providers, List<String> warnings, String sourceName) {
    JsonNode routing = root.path("routing");
    String archgwProvider = text(routing, "model_provider");
    if (archgwProvider == null && text(routing, "llm_provider") != null) {
      // archgw's schema documents llm_provider, but its code reads model_provider only.
      archgwProvider = text(routing, "llm_provider");
      warnings.add(
          sourceName
              + ": routing.llm_provider is ignored by archgw, which reads routing.model_provider;"
              + " an archgw export writes model_provider");
    }
    if (archgwProvider != null) {
      for (int p = 0; p < providers.size(); p++) {
        if (archgwProvider.equals(text(providers.get(p), "name"))) {
          return p;
        }
      }
    }
    String planoModel = text(root.path("overrides"), "llm_routing_model");
    if (planoModel != null) {
      for (int p = 0; p < providers.size(); p++) {
        if (planoModel.equals(text(providers.get(p), "model"))) {
          return p;
        }
      }
    }
    return -1;
  }

  /** The router's own provider serves routing decisions, never routed traffic. */
  private static void checkRouterIsNoTarget(
      ObjectNode root,
      List<JsonNode> providers,
      int routerIndex,
      ProxyDialect dialect,
      YamlSchema schema) {
    if (routerIndex < 0) {
      return;
    }
    String providersKey = root.has(MODEL_PROVIDERS) ? MODEL_PROVIDERS : LEGACY_PROVIDERS;
    JsonNode router = providers.get(routerIndex);
    if (isPresent(router.get(ROUTING_PREFERENCES))) {
      schema.problem(
          LocatedYaml.child(LocatedYaml.index(providersKey, routerIndex), ROUTING_PREFERENCES),
          "this provider serves the proxy's own router model, so it cannot also be a route's"
              + " target");
    }
    if (dialect.routeLayout() == RouteLayout.TOP_LEVEL) {
      String routerModel = text(router, "model");
      int r = 0;
      for (JsonNode route : root.path(ROUTING_PREFERENCES)) {
        int m = 0;
        for (JsonNode model : route.path("models")) {
          if (model.asText().equals(routerModel)) {
            schema.problem(
                LocatedYaml.index(LocatedYaml.index(ROUTING_PREFERENCES, r) + ".models", m),
                "\""
                    + routerModel
                    + "\" is the proxy's own router model (overrides.llm_routing_model); a route"
                    + " cannot send traffic to it");
          }
          m++;
        }
        r++;
      }
    }
  }

  private static ModelTarget target(JsonNode provider) {
    ObjectNode unmodelled = Yaml.JSON.createObjectNode();
    provider
        .properties()
        .forEach(
            field -> {
              if (!MODELLED_PROVIDER_KEYS.contains(field.getKey())) {
                unmodelled.set(field.getKey(), field.getValue());
              }
            });
    return new ModelTarget(
        provider.path("model").asText(),
        text(provider, "name"),
        text(provider, "base_url"),
        text(provider, "access_key"),
        provider.path("default").asBoolean(false),
        text(provider, "provider_interface"),
        Yaml.json(unmodelled));
  }

  /**
   * The config's routes in its order, grouped into domains by {@link ImportedDomains}: an archgw
   * provider's own name is a domain when every routed provider has one that is not just its model
   * id; otherwise routes are grouped by the leading word of their names.
   */
  private static Taxonomy taxonomy(
      ObjectNode root,
      List<JsonNode> providers,
      ProxyDialect dialect,
      String sourceName,
      List<String> routeOrder) {
    var routes = new ArrayList<ImportedDomains.ImportedRoute>();
    if (dialect.routeLayout() == RouteLayout.INSIDE_PROVIDERS) {
      boolean byProvider =
          providers.stream()
              .filter(provider -> isPresent(provider.get(ROUTING_PREFERENCES)))
              .allMatch(ProxyConfigImporter::hasOwnName);
      for (JsonNode provider : providers) {
        String model = provider.path("model").asText();
        for (JsonNode route : provider.path(ROUTING_PREFERENCES)) {
          routes.add(
              new ImportedDomains.ImportedRoute(
                  action(route, model, List.of(), SelectionPreference.NONE),
                  byProvider ? text(provider, "name").strip() : null));
          routeOrder.add(route.path("name").asText());
        }
      }
    } else {
      for (JsonNode route : root.path(ROUTING_PREFERENCES)) {
        List<String> models = new ArrayList<>();
        route.path("models").forEach(m -> models.add(m.asText()));
        String prefer = route.path("selection_policy").path("prefer").asText("none");
        routes.add(
            new ImportedDomains.ImportedRoute(
                action(
                    route,
                    models.get(0),
                    models.subList(1, models.size()),
                    SelectionPreference.fromWireName(prefer)),
                null));
        routeOrder.add(route.path("name").asText());
      }
    }
    return ImportedDomains.group(routes, sourceName);
  }

  /**
   * Whether a provider's {@code name} is a name of its own, one a person would choose as a domain:
   * not the model id again ({@code gpt-4o} for {@code openai/gpt-4o}, {@code claude-sonnet} for
   * {@code anthropic/claude-sonnet-4-5}).
   */
  static boolean hasOwnName(JsonNode provider) {
    String name = text(provider, "name");
    if (name == null || name.isBlank()) {
      return false;
    }
    String lower = name.strip().toLowerCase(Locale.ROOT);
    String model = provider.path("model").asText().toLowerCase(Locale.ROOT);
    String modelId = model.substring(model.lastIndexOf('/') + 1);
    return !lower.contains("/")
        && !lower.equals(modelId)
        && !(modelId.startsWith(lower) && "-:@.".indexOf(modelId.charAt(lower.length())) >= 0);
  }

  private static Action action(
      JsonNode route, String model, List<String> fallbacks, SelectionPreference preference) {
    return new Action(
        FreshIds.next(),
        route.path("name").asText(),
        route.path("description").asText(),
        new PolicySettings(null, model, fallbacks, preference));
  }

  /**
   * {@code arch/hf.co/x} → {@code hf.co/x}: the dialect's own prefix goes back on at export. A
   * first segment with a dot is a host ({@code hf.co/...}), not a provider prefix, and stays.
   */
  static String withoutProviderPrefix(String model) {
    int slash = model.indexOf('/');
    return slash < 0 || model.substring(0, slash).contains(".")
        ? model
        : model.substring(slash + 1);
  }

  private static boolean isPresent(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
