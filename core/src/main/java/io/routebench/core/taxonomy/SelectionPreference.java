package io.routebench.core.taxonomy;

import java.util.Locale;

/**
 * Which fallback plano should prefer among a policy's models (plano v0.4.0 {@code
 * selection_policy.prefer}).
 */
public enum SelectionPreference {
  NONE,
  CHEAPEST,
  FASTEST;

  /** The spelling used in proxy configs and policy documents. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SelectionPreference fromWireName(String value) {
    for (SelectionPreference preference : values()) {
      if (preference.wireName().equals(value)) {
        return preference;
      }
    }
    throw new IllegalArgumentException(
        "unknown selection preference '" + value + "' (expected cheapest, fastest or none)");
  }
}
