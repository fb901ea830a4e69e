package io.routebench.inference.prompt;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.RouteOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * archgw's {@code router_model_v1} prompt: compact JSON for routes and conversation, system and
 * tool messages dropped, and a budget that always keeps the user message crossing it.
 */
final class ArchgwPromptFormat implements PromptFormat {

  static final ArchgwPromptFormat INSTANCE = new ArchgwPromptFormat();

  private ArchgwPromptFormat() {}

  @Override
  public boolean sends(Role role) {
    return role != Role.SYSTEM && role != Role.TOOL;
  }

  /**
   * Newest to oldest, adding each message's estimate to a count that starts at the template's. The
   * message that pushes the count over the budget is kept only when it is the user's (the intent
   * must survive), and the walk stops there. When nothing was kept, the newest message is.
   */
  @Override
  public ConversationWindow window(List<Message> sendable, int templateTokens, int budget) {
    int count = templateTokens;
    var keptNewestFirst = new ArrayList<Message>();
    for (int i = sendable.size() - 1; i >= 0; i--) {
      Message message = sendable.get(i);
      count += Utf8Budget.estimatedTokens(message.content());
      if (count > budget) {
        if (message.role() == Role.USER) {
          keptNewestFirst.add(message);
        }
        break;
      }
      keptNewestFirst.add(message);
    }
    if (keptNewestFirst.isEmpty() && !sendable.isEmpty()) {
      keptNewestFirst.add(sendable.get(sendable.size() - 1));
    }
    Collections.reverse(keptNewestFirst);
    return new ConversationWindow(keptNewestFirst, keptNewestFirst.size() < sendable.size());
  }

  /** {@code [{"name":"...","description":"..."},...]} */
  @Override
  public String routesText(List<RouteOption> routes) {
    var json = new StringBuilder("[");
    for (RouteOption route : routes) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"name\":");
      RouterJson.appendString(json, route.name());
      json.append(",\"description\":");
      RouterJson.appendString(json, route.description());
      json.append('}');
    }
    return json.append(']').toString();
  }

  /** {@code [{"role":"user","content":"..."},...]} */
  @Override
  public String conversationText(List<Message> kept) {
    var json = new StringBuilder("[");
    for (Message message : kept) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"role\":");
      RouterJson.appendString(json, message.role().wireName());
      json.append(",\"content\":");
      RouterJson.appendString(json, message.content());
      json.append('}');
    }
    return json.append(']').toString();
  }
}
