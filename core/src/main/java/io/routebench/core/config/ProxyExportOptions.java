package io.routebench.core.config;

import io.routebench.core.workspace.ProxyDialect;

/**
 * @param legacyProvidersKey write {@code llm_providers} instead of {@code model_providers}
 */
public record ProxyExportOptions(ProxyDialect dialect, boolean legacyProvidersKey) {

  public static ProxyExportOptions of(ProxyDialect dialect) {
    return new ProxyExportOptions(dialect, false);
  }
}
