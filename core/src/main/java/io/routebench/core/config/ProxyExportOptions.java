package io.routebench.core.config;

import io.routebench.core.workspace.ProxyDialect;
import java.util.Objects;

/**
 * How to write a proxy config.
 *
 * @param dialect archgw v0.3.0 (routes inside providers) or plano v0.4.0 (top-level routes)
 * @param legacyProvidersKey write {@code llm_providers}; when {@code false} the providers key is
 *     the imported config's for a re-export to the same dialect (so a round trip changes nothing),
 *     else {@code model_providers}
 */
public record ProxyExportOptions(ProxyDialect dialect, boolean legacyProvidersKey) {

  public ProxyExportOptions {
    Objects.requireNonNull(dialect, "dialect");
  }

  public static ProxyExportOptions of(ProxyDialect dialect) {
    return new ProxyExportOptions(dialect, false);
  }
}
