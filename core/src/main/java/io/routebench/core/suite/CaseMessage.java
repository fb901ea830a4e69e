package io.routebench.core.suite;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import java.util.Objects;

/**
 * A message of a test case; user messages carry the route the router is expected to pick.
 *
 * @param expectedRoute a policy's route name or {@code other}; {@code null} for non-user messages
 */
public record CaseMessage(Role role, String content, String expectedRoute) {

  public CaseMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    if (role != Role.USER && expectedRoute != null) {
      throw new IllegalArgumentException("only user messages carry an expected route");
    }
  }

  public static CaseMessage user(String content, String expectedRoute) {
    return new CaseMessage(Role.USER, content, expectedRoute);
  }

  public static CaseMessage assistant(String content) {
    return new CaseMessage(Role.ASSISTANT, content, null);
  }

  public Message toMessage() {
    return new Message(role, content);
  }
}
