package io.routebench.core.conversation;

import java.util.Locale;

/** Who wrote a message, with the OpenAI-style wire spelling. */
public enum Role {
  USER,
  ASSISTANT,
  SYSTEM,
  TOOL,
  DEVELOPER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWireName(String value) {
    for (Role role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + value + "' (expected user, assistant, system, tool or developer)");
  }
}
