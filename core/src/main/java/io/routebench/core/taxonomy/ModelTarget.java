package io.routebench.core.taxonomy;

import java.util.Objects;

/**
 * A model a route can send traffic to: a proxy {@code model_providers} entry.
 *
 * @param model {@code provider/model-id}, e.g. {@code openai/gpt-4o}; the target's identity
 * @param displayName the provider entry's optional {@code name}, or {@code null}
 * @param baseUrl optional {@code base_url}, or {@code null}
 * @param accessKeyRef an environment reference such as {@code $OPENAI_API_KEY}, or {@code null};
 *     never a literal secret (validation rejects those)
 * @param isDefault whether requests that match no route go here ({@code default: true})
 * @param providerInterface optional {@code provider_interface}, or {@code null}
 * @param extrasJson keys of the provider entry RouteBench does not model, as a JSON object in their
 *     original order, written back unchanged on export ({@code "{}"} when none)
 */
public record ModelTarget(
    String model,
    String displayName,
    String baseUrl,
    String accessKeyRef,
    boolean isDefault,
    String providerInterface,
    String extrasJson) {

  public ModelTarget {
    Objects.requireNonNull(model, "model");
    extrasJson = extrasJson == null || extrasJson.isBlank() ? "{}" : extrasJson;
  }

  public static ModelTarget of(String model, String accessKeyRef, boolean isDefault) {
    return new ModelTarget(model, null, null, accessKeyRef, isDefault, null, "{}");
  }

  /** The label a user recognises: the display name when set, else the model id. */
  public String label() {
    return displayName != null && !displayName.isBlank() ? displayName : model;
  }

  public ModelTarget withDefault(boolean newDefault) {
    return new ModelTarget(
        model, displayName, baseUrl, accessKeyRef, newDefault, providerInterface, extrasJson);
  }
}
