package io.routebench.core.taxonomy;

import java.util.List;

/**
 * One route as the router sees it, flattened out of the taxonomy: a domain on its own (coarse) or a
 * domain + action (fine).
 *
 * @param path where the policy lives, for messages ({@code domains[1].actions[0]})
 * @param domainId the owning domain
 * @param actionId the action, or {@code null} for a coarse domain policy
 * @param routeName what the router answers with
 * @param description what the router reads
 * @param targetModel the preferred model id, or {@code null} when unset
 */
public record RoutingPolicy(
    String path,
    String domainId,
    String actionId,
    String routeName,
    String description,
    String targetModel,
    List<String> fallbackModels,
    SelectionPreference preference) {

  public RoutingPolicy {
    fallbackModels = List.copyOf(fallbackModels);
  }

  /** Target then fallbacks: plano v0.4.0's {@code models} list. */
  public List<String> modelsInPreferenceOrder() {
    if (targetModel == null) {
      return fallbackModels;
    }
    var models = new java.util.ArrayList<String>();
    models.add(targetModel);
    models.addAll(fallbackModels);
    return List.copyOf(models);
  }
}
