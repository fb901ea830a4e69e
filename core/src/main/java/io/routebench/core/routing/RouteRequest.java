package io.routebench.core.routing;

import io.routebench.core.conversation.Message;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * One routing question: which of these routes fits the latest user intent of this conversation?
 *
 * @param routes in the order they are sent ({@link RouteOrder} for a workspace)
 * @param tokenBudget the conversation budget in estimated tokens; {@code 0} means the profile's
 *     default
 * @param defaultModel the model the client asks for, where a request that matches no route goes
 *     (the workspace's default target); {@code ""} when there is none. Only a proxy that decides
 *     itself is sent it (plano's routing API requires a {@code model}).
 */
public record RouteRequest(
    List<RouteOption> routes,
    List<Message> conversation,
    PromptProfile profile,
    int tokenBudget,
    String defaultModel) {

  public RouteRequest {
    routes = List.copyOf(routes);
    conversation = List.copyOf(conversation);
    Objects.requireNonNull(profile, "profile");
    if (tokenBudget < 0) {
      throw new IllegalArgumentException("token budget must not be negative");
    }
    defaultModel = defaultModel == null ? "" : defaultModel;
  }

  public RouteRequest(
      List<RouteOption> routes,
      List<Message> conversation,
      PromptProfile profile,
      int tokenBudget) {
    this(routes, conversation, profile, tokenBudget, "");
  }

  public RouteRequest(List<RouteOption> routes, List<Message> conversation, PromptProfile profile) {
    this(routes, conversation, profile, 0);
  }

  /** The question the workspace's proxy asks for {@code conversation}. */
  public static RouteRequest of(PolicyDocument document, List<Message> conversation) {
    return new RouteRequest(
        RouteOption.allOf(document),
        conversation,
        document.profile(),
        0,
        document.defaultTarget().map(ModelTarget::model).orElse(""));
  }

  public int effectiveTokenBudget() {
    return tokenBudget == 0 ? profile.defaultTokenBudget() : tokenBudget;
  }

  /** The same question with the routes in another order. */
  public RouteRequest withRoutes(List<RouteOption> reordered) {
    return new RouteRequest(reordered, conversation, profile, tokenBudget, defaultModel);
  }
}
