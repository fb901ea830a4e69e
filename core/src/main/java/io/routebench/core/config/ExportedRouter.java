package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.List;

/**
 * How the self-hosted router appears in an exported config: a provider entry serving the router
 * model, referenced by archgw's {@code routing: {model, model_provider}} or plano's {@code
 * overrides.llm_routing_model}.
 *
 * <p>The blocks that reference the router are otherwise the user's: their other keys stay, and a
 * reference is only removed when it pointed at the self-hosted router the user has since dropped
 * (or at the other dialect's router block).
 */
final class ExportedRouter {

  /** archgw's defaults when {@code routing} leaves them out (brightstaff's constants). */
  static final String ARCHGW_DEFAULT_ROUTER_MODEL = "Arch-Router";

  static final String ARCHGW_DEFAULT_ROUTER_PROVIDER = "arch-router";

  private static final String LLM_ROUTING_MODEL = "llm_routing_model";
  private static final String[] ARCHGW_ROUTER_KEYS = {"model", "model_provider", "llm_provider"};

  private final SelfHostedRouter router;
  private final ProxyDialect dialect;
  private final ProxyDialect importedFrom;
  private final JsonNode storedProvider;
  private final int storedIndex;

  /**
   * @param stored what the import kept of the router's provider entry ({@code {index, provider}}),
   *     or {@code null} when the imported config had no self-hosted router
   * @param importedFrom the dialect the extras came from, or {@code null}
   */
  ExportedRouter(
      SelfHostedRouter router, ProxyDialect dialect, ProxyDialect importedFrom, JsonNode stored) {
    this.router = router;
    this.dialect = dialect;
    this.importedFrom = importedFrom;
    this.storedProvider = stored == null ? null : stored.get("provider");
    this.storedIndex = stored == null ? -1 : stored.path("index").asInt(-1);
  }

  /** Puts the router's provider entry where the imported config had it, else last. */
  void addProviderTo(ArrayNode providers) {
    ObjectNode provider = provider();
    if (provider == null) {
      return;
    }
    if (storedIndex >= 0 && storedIndex < providers.size()) {
      providers.insert(storedIndex, provider);
    } else {
      providers.add(provider);
    }
  }

  /** The top-level block in which the dialect names its router. */
  String blockKey() {
    return blockKeyOf(dialect);
  }

  private static String blockKeyOf(ProxyDialect dialect) {
    return switch (dialect) {
      case ARCHGW_V0_3 -> "routing";
      case PLANO_V0_4 -> "overrides";
    };
  }

  /** Whether the imported config named its router in this block (its keys are then ours). */
  private boolean importedRouterIn(String block) {
    return importedFrom != null && blockKeyOf(importedFrom).equals(block);
  }

  /** The {@link #blockKey() block} to write when the config had none, or {@code null}. */
  JsonNode newBlock() {
    return switch (dialect) {
      case ARCHGW_V0_3 -> routing(null);
      case PLANO_V0_4 -> overrides(null);
    };
  }

  /** The archgw {@code routing} block to write, or {@code null} for none. */
  JsonNode routing(JsonNode imported) {
    boolean archgwKeysImported = importedRouterIn("routing");
    return switch (dialect) {
      // plano names its router in overrides; archgw's router keys would fail its schema.
      case PLANO_V0_4 -> archgwKeysImported ? without(imported, ARCHGW_ROUTER_KEYS) : imported;
      case ARCHGW_V0_3 -> {
        if (router == null) {
          yield hadRouter() && archgwKeysImported
              ? without(imported, ARCHGW_ROUTER_KEYS)
              : imported;
        }
        yield archgwRouting(imported);
      }
    };
  }

  private JsonNode archgwRouting(JsonNode imported) {
    if (imported != null && !(imported instanceof ObjectNode)) {
      return imported;
    }
    ObjectNode routing =
        imported == null ? Yaml.JSON.createObjectNode() : ((ObjectNode) imported).deepCopy();
    if (!routing.has("model")) {
      routing.put("model", ARCHGW_DEFAULT_ROUTER_MODEL);
    }
    // archgw ignores llm_provider (a trap in its own schema); model_provider is what it reads.
    routing.remove("llm_provider");
    routing.put("model_provider", providerName());
    return routing;
  }

  /** The {@code overrides} block to write, or {@code null} for none. */
  JsonNode overrides(JsonNode imported) {
    boolean writesRouter =
        switch (dialect) {
          case ARCHGW_V0_3 -> false;
          case PLANO_V0_4 -> router != null;
        };
    if (!writesRouter) {
      return hadRouter() && importedRouterIn("overrides")
          ? without(imported, LLM_ROUTING_MODEL)
          : imported;
    }
    if (imported != null && !(imported instanceof ObjectNode)) {
      return imported;
    }
    ObjectNode overrides =
        imported == null ? Yaml.JSON.createObjectNode() : ((ObjectNode) imported).deepCopy();
    overrides.put(LLM_ROUTING_MODEL, providerModel());
    return overrides;
  }

  boolean present() {
    return router != null;
  }

  private boolean hadRouter() {
    return storedProvider != null;
  }

  private ObjectNode provider() {
    if (router == null) {
      return null;
    }
    ObjectNode provider = Yaml.JSON.createObjectNode();
    String name = providerName();
    if (name != null) {
      provider.put("name", name);
    }
    provider.put("model", providerModel());
    if (router.baseUrl() != null) {
      provider.put("base_url", router.baseUrl());
    }
    if (storedProvider instanceof ObjectNode stored) {
      ObjectNode rest = stored.deepCopy();
      rest.remove(List.of("name", "model", "base_url"));
      provider.setAll(rest);
    }
    return provider;
  }

  /** archgw's routing block needs a provider name to point at; plano does without one. */
  private String providerName() {
    if (router.providerName() != null) {
      return router.providerName();
    }
    return switch (dialect) {
      case ARCHGW_V0_3 -> ARCHGW_DEFAULT_ROUTER_PROVIDER;
      case PLANO_V0_4 -> null;
    };
  }

  /** The imported spelling when it still names the same model in this dialect, else prefixed. */
  private String providerModel() {
    String storedModel = storedProvider == null ? null : storedProvider.path("model").asText(null);
    if (storedModel != null
        && importedFrom == dialect
        && ProxyConfigImporter.withoutProviderPrefix(storedModel).equals(router.model())) {
      return storedModel;
    }
    return dialect.routerModelPrefix() + router.model();
  }

  /** The mapping without these keys; {@code null} when removing them left it empty. */
  private static JsonNode without(JsonNode node, String... keys) {
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    ObjectNode copy = object.deepCopy();
    copy.remove(List.of(keys));
    return copy.isEmpty() && !object.isEmpty() ? null : copy;
  }
}
