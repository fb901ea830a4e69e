package io.routebench.inference.prompt;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import java.util.List;

/**
 * What one proxy's router prompt does its own way; {@link RouterPromptBuilder} does the rest the
 * same way for every profile (template, empty messages dropped, the budget's starting count).
 */
sealed interface PromptFormat permits ArchgwPromptFormat, PlanoPromptFormat {

  static PromptFormat of(PromptProfile profile) {
    return switch (profile) {
      case ARCHGW_V1 -> ArchgwPromptFormat.INSTANCE;
      case PLANO_V1 -> PlanoPromptFormat.INSTANCE;
    };
  }

  /** Whether the proxy passes messages of this role on to the router at all. */
  boolean sends(Role role);

  /**
   * The messages that fit the budget, walking newest to oldest from the template's estimate.
   *
   * @param sendable the conversation's non-empty messages of roles the proxy {@link #sends sends}
   */
  ConversationWindow window(List<Message> sendable, int templateTokens, int budget);

  /** The routes as the template's routes placeholder is filled. */
  String routesText(List<RouteOption> routes);

  /** The kept messages as the template's conversation placeholder is filled. */
  String conversationText(List<Message> kept);
}
