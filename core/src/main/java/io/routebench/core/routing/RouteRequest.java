package io.routebench.core.routing;

import io.routebench.core.conversation.Message;
import java.util.List;
import java.util.Objects;

/**
 * One routing question: which of these routes fits the latest user intent of this conversation?
 *
 * @param routes in the order they are sent ({@link RouteOrder} for a workspace)
 * @param tokenBudget the conversation budget in estimated tokens; {@code 0} means the profile's
 *     default
 */
public record RouteRequest(
    List<RouteOption> routes, List<Message> conversation, PromptProfile profile, int tokenBudget) {

  public RouteRequest {
    routes = List.copyOf(routes);
    conversation = List.copyOf(conversation);
    Objects.requireNonNull(profile, "profile");
    if (tokenBudget < 0) {
      throw new IllegalArgumentException("token budget must not be negative");
    }
  }

  public RouteRequest(List<RouteOption> routes, List<Message> conversation, PromptProfile profile) {
    this(routes, conversation, profile, 0);
  }

  public int effectiveTokenBudget() {
    return tokenBudget == 0 ? profile.defaultTokenBudget() : tokenBudget;
  }
}
