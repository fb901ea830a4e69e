package io.routebench.core.workspace;

/** The two shapes a proxy config gives its routes. */
public enum ProxyDialect {
  /** archgw v0.3.0 and earlier: {@code routing_preferences} inline under each provider. */
  ARCHGW_V0_3("archgw", "v0.3.0"),
  /** plano v0.4.0: a top-level {@code routing_preferences} list with {@code models}. */
  PLANO_V0_4("plano", "v0.4.0");

  private final String id;
  private final String configVersion;

  ProxyDialect(String id, String configVersion) {
    this.id = id;
    this.configVersion = configVersion;
  }

  /** The spelling on the command line: {@code archgw} or {@code plano}. */
  public String id() {
    return id;
  }

  /** The {@code version} written on export. */
  public String configVersion() {
    return configVersion;
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
