package io.routebench.core.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Tells RouteBench's own policy documents from proxy configs, so commands accept either. */
public final class ConfigFiles {

  /** What a YAML file holds. */
  public enum Kind {
    POLICY_DOCUMENT,
    PROXY_CONFIG
  }

  private ConfigFiles() {}

  /**
   * @throws ConfigFormatException when the text is not YAML or is neither kind
   */
  public static Kind detectKind(String sourceName, String text) {
    JsonNode root = LocatedYaml.parse(sourceName, text).root();
    if (root.isObject() && root.has("routebench")) {
      return Kind.POLICY_DOCUMENT;
    }
    if (root.isObject()
        && (root.has(ProxyConfigRules.MODEL_PROVIDERS)
            || root.has(ProxyConfigRules.LEGACY_PROVIDERS)
            || root.has(ProxyConfigRules.ROUTING_PREFERENCES))) {
      return Kind.PROXY_CONFIG;
    }
    throw new ConfigFormatException(
        sourceName,
        new ConfigFormatException.Problem(
            1,
            1,
            "",
            "neither a RouteBench policy document (it has no 'routebench:' key) nor a proxy config"
                + " (no model_providers, llm_providers or routing_preferences)"));
  }
}
