package io.routebench.core.workspace;

import io.routebench.core.routing.PromptProfile;

/**
 * The shapes a proxy config gives its routes, one constant per proxy config version with every fact
 * that differs between them. Code that behaves differently per dialect switches over it with a
 * switch expression, so a new dialect is a compile error wherever it needs a decision.
 */
public enum ProxyDialect {
  /** archgw v0.3.0 and earlier: {@code routing_preferences} inline under each provider. */
  ARCHGW_V0_3("archgw", "v0.3.0", PromptProfile.ARCHGW_V1, RouteLayout.INSIDE_PROVIDERS, "arch/"),
  /** plano v0.4.0: a top-level {@code routing_preferences} list with {@code models}. */
  PLANO_V0_4("plano", "v0.4.0", PromptProfile.PLANO_V1, RouteLayout.TOP_LEVEL, "plano/");

  /** Where a config of the dialect lists its routes. */
  public enum RouteLayout {
    /** Each provider lists the routes it serves. */
    INSIDE_PROVIDERS,
    /** One top-level list; each route names its models. */
    TOP_LEVEL
  }

  private final String id;
  private final String configVersion;
  private final PromptProfile promptProfile;
  private final RouteLayout routeLayout;
  private final String routerModelPrefix;

  ProxyDialect(
      String id,
      String configVersion,
      PromptProfile promptProfile,
      RouteLayout routeLayout,
      String routerModelPrefix) {
    this.id = id;
    this.configVersion = configVersion;
    this.promptProfile = promptProfile;
    this.routeLayout = routeLayout;
    this.routerModelPrefix = routerModelPrefix;
  }

  /** The spelling on the command line: {@code archgw} or {@code plano}. */
  public String id() {
    return id;
  }

  /** The {@code version} written on export. */
  public String configVersion() {
    return configVersion;
  }

  /** The router prompt this proxy sends: an imported config's workspace starts with it. */
  public PromptProfile promptProfile() {
    return promptProfile;
  }

  public RouteLayout routeLayout() {
    return routeLayout;
  }

  /** The provider prefix of a self-hosted router's model id ({@code arch/}, {@code plano/}). */
  public String routerModelPrefix() {
    return routerModelPrefix;
  }

  public static ProxyDialect fromId(String id) {
    for (ProxyDialect dialect : values()) {
      if (dialect.id.equals(id)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unknown proxy dialect '" + id + "' (expected archgw or plano)");
  }
}
