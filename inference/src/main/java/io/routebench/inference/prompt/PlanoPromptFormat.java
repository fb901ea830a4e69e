package io.routebench.inference.prompt;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.RouteOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * plano's orchestrator prompt: one spaced JSON object per route and line, the conversation
 * pretty-printed, system/developer/tool messages dropped, at most the last 16 messages, and a
 * budget that middle-trims the user message crossing it.
 */
final class PlanoPromptFormat implements PromptFormat {

  static final PlanoPromptFormat INSTANCE = new PlanoPromptFormat();

  private static final Set<Role> NEVER_SENT = Set.of(Role.SYSTEM, Role.DEVELOPER, Role.TOOL);

  /** plano's {@code MAX_ROUTING_TURNS}: older messages are dropped before the budget is applied. */
  static final int MESSAGE_CAP = 16;

  private static final String PARAMETERS =
      "\"parameters\": {\"type\": \"object\", \"properties\": {}, \"required\": []}";

  private PlanoPromptFormat() {}

  @Override
  public boolean sends(Role role) {
    return !NEVER_SENT.contains(role);
  }

  /**
   * Keeps the last {@value #MESSAGE_CAP} messages, then walks them newest to oldest from the
   * template's count. A message that would push the count over the budget stops the walk; if it is
   * the user's and room is left, it is kept middle-trimmed to that room (in bytes). When nothing
   * was kept, the newest message is, in full.
   */
  @Override
  public ConversationWindow window(List<Message> sendable, int templateTokens, int budget) {
    List<Message> recent =
        sendable.subList(Math.max(0, sendable.size() - MESSAGE_CAP), sendable.size());
    int count = templateTokens;
    boolean trimmed = false;
    var keptNewestFirst = new ArrayList<Message>();
    for (int i = recent.size() - 1; i >= 0; i--) {
      Message message = recent.get(i);
      int tokens = Utf8Budget.estimatedTokens(message.content());
      if (count + tokens > budget) {
        int remaining = budget - count;
        if (message.role() == Role.USER && remaining > 0) {
          int maxBytes = remaining * Utf8Budget.BYTES_PER_TOKEN;
          keptNewestFirst.add(
              new Message(Role.USER, MiddleTrim.toBytes(message.content(), maxBytes)));
          trimmed = true;
        }
        break;
      }
      count += tokens;
      keptNewestFirst.add(message);
    }
    if (keptNewestFirst.isEmpty() && !recent.isEmpty()) {
      keptNewestFirst.add(recent.get(recent.size() - 1));
    }
    Collections.reverse(keptNewestFirst);
    return new ConversationWindow(
        keptNewestFirst, trimmed || keptNewestFirst.size() < sendable.size());
  }

  /** One {@code {"name": "...", "description": "...", "parameters": {...}}} per line. */
  @Override
  public String routesText(List<RouteOption> routes) {
    var lines = new StringBuilder();
    for (RouteOption route : routes) {
      if (!lines.isEmpty()) {
        lines.append('\n');
      }
      lines.append("{\"name\": ");
      RouterJson.appendString(lines, route.name());
      lines.append(", \"description\": ");
      RouterJson.appendString(lines, route.description());
      lines.append(", ").append(PARAMETERS).append('}');
    }
    return lines.toString();
  }

  /** serde_json's pretty printer with a four-space indent; an empty list is {@code []}. */
  @Override
  public String conversationText(List<Message> messages) {
    if (messages.isEmpty()) {
      return "[]";
    }
    var json = new StringBuilder("[\n");
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      json.append("    {\n        \"role\": ");
      RouterJson.appendString(json, message.role().wireName());
      json.append(",\n        \"content\": ");
      RouterJson.appendString(json, message.content());
      json.append("\n    }");
      json.append(i + 1 < messages.size() ? ",\n" : "\n");
    }
    return json.append(']').toString();
  }
}
