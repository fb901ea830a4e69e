package io.routebench.core.config;

import io.routebench.core.workspace.PolicyDocument;
import java.util.List;

/**
 * Policies read from a YAML file of either kind, and what the user should know about the reading.
 *
 * @param kind what the file held
 * @param routeOrder the route names in the order the file lists them (a proxy config's taxonomy
 *     groups routes by target, which can reorder plano configs)
 * @param warnings what the import noticed (e.g. no default provider); none for policy documents
 */
public record ImportedPolicies(
    ConfigFiles.Kind kind,
    PolicyDocument document,
    List<String> routeOrder,
    List<String> warnings) {

  public ImportedPolicies {
    routeOrder = List.copyOf(routeOrder);
    warnings = List.copyOf(warnings);
  }
}
