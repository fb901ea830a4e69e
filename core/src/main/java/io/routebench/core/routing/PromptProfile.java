package io.routebench.core.routing;

/**
 * How the router prompt is worded: the proxy the user deploys to decides which one production
 * sends. Every decision, run and report records its profile.
 */
public enum PromptProfile {
  /** archgw ≤ 0.4.0 ({@code router_model_v1}); the format Arch-Router-1.5B was trained on. */
  ARCHGW_V1("archgw-v1", 2048),
  /** plano 0.4.x orchestrator prompt; the answer is a list whose first name wins. */
  PLANO_V1("plano-v1", 8192);

  private final String id;
  private final int defaultTokenBudget;

  PromptProfile(String id, int defaultTokenBudget) {
    this.id = id;
    this.defaultTokenBudget = defaultTokenBudget;
  }

  /** The spelling used on the command line, in files and in reports. */
  public String id() {
    return id;
  }

  /** The conversation budget in estimated tokens (UTF-8 bytes / 4) when the user sets none. */
  public int defaultTokenBudget() {
    return defaultTokenBudget;
  }

  public static PromptProfile fromId(String id) {
    for (PromptProfile profile : values()) {
      if (profile.id.equals(id)) {
        return profile;
      }
    }
    throw new IllegalArgumentException(
        "unknown prompt profile '" + id + "' (expected archgw-v1 or plano-v1)");
  }

  @Override
  public String toString() {
    return id;
  }
}
