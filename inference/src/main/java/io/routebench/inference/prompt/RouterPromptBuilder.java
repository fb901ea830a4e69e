package io.routebench.inference.prompt;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.RouteRequest;
import java.util.List;

/**
 * Builds the router prompt exactly as the proxy of the request's profile does: the same routes
 * JSON, the same filtering and truncation of the conversation, the same bytes (see {@code
 * docs/formats.md} and the reference notes on the router request formats). What differs between the
 * proxies is each one's {@link PromptFormat}.
 */
public final class RouterPromptBuilder {

  private RouterPromptBuilder() {}

  public static RouterPrompt build(RouteRequest request) {
    PromptFormat format = PromptFormat.of(request.profile());
    String template = PromptTemplates.of(request.profile());
    List<Message> sendable =
        request.conversation().stream()
            .filter(m -> format.sends(m.role()))
            .filter(m -> !m.content().isEmpty())
            .toList();
    ConversationWindow window =
        format.window(
            sendable, Utf8Budget.estimatedTokens(template), request.effectiveTokenBudget());
    FilledTemplate filled =
        FilledTemplate.fill(
            template, format.routesText(request.routes()), format.conversationText(window.kept()));
    int kept = window.kept().size();
    return new RouterPrompt(
        filled.text(),
        request.profile(),
        kept,
        request.conversation().size() - kept,
        window.truncated(),
        filled.segments());
  }
}
