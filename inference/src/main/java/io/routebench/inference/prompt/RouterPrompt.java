package io.routebench.inference.prompt;

import io.routebench.core.routing.PromptProfile;

/**
 * A filled router prompt.
 *
 * @param text exactly what the proxy sends as the single user message
 * @param keptMessages conversation messages that made it into the prompt
 * @param droppedMessages messages left out (filtered roles, empty content, budget, message cap)
 * @param trimmed whether a message was cut in the middle to fit the budget (plano-v1 only)
 */
public record RouterPrompt(
    String text, PromptProfile profile, int keptMessages, int droppedMessages, boolean trimmed) {}
