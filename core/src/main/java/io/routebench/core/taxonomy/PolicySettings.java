package io.routebench.core.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * What makes a taxonomy node routable: the route name the router answers with (when the user
 * overrides the derived one), the target model and ordered fallbacks.
 *
 * @param routeNameOverride the route name, or {@code null} to derive it from the node's name
 * @param targetModel the preferred model ({@code provider/model-id} of a {@link ModelTarget}), or
 *     {@code null} while the user has not chosen one (a validation error)
 * @param fallbackModels further models in order of preference (plano v0.4.0 only)
 * @param preference how plano picks among the models
 */
public record PolicySettings(
    String routeNameOverride,
    String targetModel,
    List<String> fallbackModels,
    SelectionPreference preference) {

  public PolicySettings {
    fallbackModels = List.copyOf(fallbackModels);
    Objects.requireNonNull(preference, "preference");
  }

  public static PolicySettings targeting(String targetModel) {
    return new PolicySettings(null, targetModel, List.of(), SelectionPreference.NONE);
  }

  public PolicySettings withRouteNameOverride(String override) {
    return new PolicySettings(override, targetModel, fallbackModels, preference);
  }

  public PolicySettings withTargetModel(String model) {
    return new PolicySettings(routeNameOverride, model, fallbackModels, preference);
  }

  public PolicySettings withFallbackModels(List<String> models) {
    return new PolicySettings(routeNameOverride, targetModel, models, preference);
  }

  public PolicySettings withPreference(SelectionPreference newPreference) {
    return new PolicySettings(routeNameOverride, targetModel, fallbackModels, newPreference);
  }
}
