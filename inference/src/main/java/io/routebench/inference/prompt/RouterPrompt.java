package io.routebench.inference.prompt;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptSegment;
import java.util.List;
import java.util.Objects;

/**
 * A filled router prompt.
 *
 * @param text exactly what the proxy sends as the single user message (the filled template, nothing
 *     added)
 * @param keptMessages conversation messages that made it into the prompt
 * @param droppedMessages messages left out for any reason: filtered roles, empty content, the token
 *     budget, plano's message cap
 * @param truncated whether the budget or the message cap left out or shortened a message that would
 *     otherwise have been sent (filtered roles and empty messages do not count: they are never
 *     sent)
 * @param segments which part of {@code text} is instructions, routes or conversation (for display;
 *     empty when that cannot be told exactly)
 */
public record RouterPrompt(
    String text,
    PromptProfile profile,
    int keptMessages,
    int droppedMessages,
    boolean truncated,
    List<PromptSegment> segments) {

  public RouterPrompt {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(profile, "profile");
    segments = List.copyOf(segments);
  }
}
