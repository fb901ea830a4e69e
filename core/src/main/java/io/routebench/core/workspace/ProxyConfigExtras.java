package io.routebench.core.workspace;

/**
 * Everything of an imported proxy config that RouteBench does not model (listeners, endpoints,
 * tracing, model_aliases, prompt_targets, unmodelled keys under {@code routing}/{@code overrides},
 * ...), kept so that import → edit → export gives the user's config back.
 *
 * @param topLevelJson the imported top-level mapping as a JSON object in its original key order;
 *     keys RouteBench models (version, model_providers/llm_providers, routing_preferences) are
 *     present with a {@code null} value only to remember their position
 * @param dialect the dialect the config was imported from, or {@code null} if never imported
 * @param version the config's {@code version} value as imported (e.g. {@code v0.3.0}), or null
 * @param providersKey {@code model_providers} or legacy {@code llm_providers}, as imported
 */
public record ProxyConfigExtras(
    String topLevelJson, ProxyDialect dialect, String version, String providersKey) {

  public static final ProxyConfigExtras NONE = new ProxyConfigExtras("{}", null, null, null);

  public ProxyConfigExtras {
    topLevelJson = topLevelJson == null || topLevelJson.isBlank() ? "{}" : topLevelJson;
  }
}
