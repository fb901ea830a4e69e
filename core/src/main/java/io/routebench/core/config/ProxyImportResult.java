package io.routebench.core.config;

import io.routebench.core.workspace.PolicyDocument;
import java.util.List;

/**
 * An imported proxy config and what the user should know about the import.
 *
 * @param routeOrder the route names in the order the config lists them (the taxonomy groups them by
 *     target, which can reorder plano configs)
 */
public record ProxyImportResult(
    PolicyDocument document, List<String> routeOrder, List<String> warnings) {

  public ProxyImportResult {
    routeOrder = List.copyOf(routeOrder);
    warnings = List.copyOf(warnings);
  }
}
