package io.routebench.core.run;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * Everything of the policies that reaches the router's prompt: the profile and the routes (names
 * and descriptions) in prompt order. A run made with another view than the workspace's current one
 * is stale: its answers may not be the ones the router gives now. Targets and fallbacks are left
 * out on purpose: they change where a request goes, not what the router answers.
 */
public record RouterView(PromptProfile profile, List<RouteOption> routes) {

  public RouterView {
    Objects.requireNonNull(profile, "profile");
    routes = routes.stream().map(RouteOption::withoutModels).toList();
  }

  public static RouterView of(PolicyDocument document) {
    return new RouterView(document.profile(), RouteOption.allOf(document));
  }
}
