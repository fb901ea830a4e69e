package io.routebench.inference.prompt;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Builds the router prompt exactly as the proxy does for the request's profile (see {@code
 * docs/formats.md} and the reference notes): the same routes JSON, the same filtering and
 * truncation of the conversation, the same bytes.
 */
public final class RouterPromptBuilder {

  private static final Set<Role> ARCHGW_DROPPED_ROLES = Set.of(Role.SYSTEM, Role.TOOL);
  private static final Set<Role> PLANO_DROPPED_ROLES =
      Set.of(Role.SYSTEM, Role.DEVELOPER, Role.TOOL);
  private static final int PLANO_MESSAGE_CAP = 16;

  private RouterPromptBuilder() {}

  public static RouterPrompt build(RouteRequest request) {
    return switch (request.profile()) {
      case ARCHGW_V1 -> archgw(request);
      case PLANO_V1 -> plano(request);
    };
  }

  private static RouterPrompt archgw(RouteRequest request) {
    String template = PromptTemplates.of(PromptProfile.ARCHGW_V1);
    List<Message> candidates = withoutRoles(request.conversation(), ARCHGW_DROPPED_ROLES);
    int budget = request.effectiveTokenBudget();
    int count = Utf8.length(template) / 4;
    var keptNewestFirst = new ArrayList<Message>();
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Message message = candidates.get(i);
      count += Utf8.length(message.content()) / 4;
      if (count > budget) {
        if (message.role() == Role.USER) {
          keptNewestFirst.add(message);
        }
        break;
      }
      keptNewestFirst.add(message);
    }
    if (keptNewestFirst.isEmpty() && !candidates.isEmpty()) {
      keptNewestFirst.add(candidates.get(candidates.size() - 1));
    }
    Collections.reverse(keptNewestFirst);

    var routes = new StringBuilder("[");
    for (RouteOption route : request.routes()) {
      if (routes.length() > 1) {
        routes.append(',');
      }
      routes.append("{\"name\":");
      RouterJson.appendString(routes, route.name());
      routes.append(",\"description\":");
      RouterJson.appendString(routes, route.description());
      routes.append('}');
    }
    routes.append(']');

    var conversation = new StringBuilder("[");
    for (Message message : keptNewestFirst) {
      if (conversation.length() > 1) {
        conversation.append(',');
      }
      conversation.append("{\"role\":");
      RouterJson.appendString(conversation, message.role().wireName());
      conversation.append(",\"content\":");
      RouterJson.appendString(conversation, message.content());
      conversation.append('}');
    }
    conversation.append(']');

    String text = PromptTemplates.fill(template, routes.toString(), conversation.toString());
    return new RouterPrompt(
        text,
        PromptProfile.ARCHGW_V1,
        keptNewestFirst.size(),
        request.conversation().size() - keptNewestFirst.size(),
        false);
  }

  private static RouterPrompt plano(RouteRequest request) {
    String template = PromptTemplates.of(PromptProfile.PLANO_V1);
    List<Message> filtered = withoutRoles(request.conversation(), PLANO_DROPPED_ROLES);
    List<Message> candidates =
        filtered.subList(Math.max(0, filtered.size() - PLANO_MESSAGE_CAP), filtered.size());
    int budget = request.effectiveTokenBudget();
    int count = Utf8.length(template) / 4;
    boolean trimmed = false;
    var keptNewestFirst = new ArrayList<Message>();
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Message message = candidates.get(i);
      int tokens = Utf8.length(message.content()) / 4;
      if (count + tokens > budget) {
        int remaining = budget - count;
        if (message.role() == Role.USER && remaining > 0) {
          String shortened = Utf8.middleTrim(message.content(), remaining * 4);
          trimmed = !shortened.equals(message.content());
          keptNewestFirst.add(new Message(message.role(), shortened));
        }
        break;
      }
      count += tokens;
      keptNewestFirst.add(message);
    }
    if (keptNewestFirst.isEmpty() && !candidates.isEmpty()) {
      keptNewestFirst.add(candidates.get(candidates.size() - 1));
    }
    Collections.reverse(keptNewestFirst);

    var routes = new StringBuilder();
    for (RouteOption route : request.routes()) {
      if (!routes.isEmpty()) {
        routes.append('\n');
      }
      routes.append("{\"name\": ");
      RouterJson.appendString(routes, route.name());
      routes.append(", \"description\": ");
      RouterJson.appendString(routes, route.description());
      routes.append(
          ", \"parameters\": {\"type\": \"object\", \"properties\": {}, \"required\": []}}");
    }

    String text =
        PromptTemplates.fill(template, routes.toString(), prettyConversation(keptNewestFirst));
    return new RouterPrompt(
        text,
        PromptProfile.PLANO_V1,
        keptNewestFirst.size(),
        request.conversation().size() - keptNewestFirst.size(),
        trimmed);
  }

  /** serde_json's pretty printer with a four-space indent. */
  private static String prettyConversation(List<Message> messages) {
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

  private static List<Message> withoutRoles(List<Message> conversation, Set<Role> dropped) {
    return conversation.stream()
        .filter(m -> !dropped.contains(m.role()) && !m.content().isEmpty())
        .toList();
  }
}
