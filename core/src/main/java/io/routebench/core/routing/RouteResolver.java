package io.routebench.core.routing;

import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Optional;

/**
 * Maps a router answer to a policy and a target model the way the proxy does: an answer it cannot
 * read fails the request; {@code other}, an empty answer and an unknown name all go to the default
 * target, but stay distinguishable.
 */
public final class RouteResolver {

  private RouteResolver() {}

  public static RouteDecision resolve(RouterAnswer answer, PolicyDocument document) {
    if (answer.failsInProxy()) {
      return new RouteDecision(answer, DecisionOutcome.PROXY_ERROR, null, null);
    }
    String name = answer.routeName();
    if (name.isEmpty()) {
      return toDefault(answer, DecisionOutcome.EMPTY, document);
    }
    if (name.equals(RouteNames.OTHER)) {
      return toDefault(answer, DecisionOutcome.OTHER, document);
    }
    Optional<RoutingPolicy> policy = document.taxonomy().policyByRouteName(name);
    if (policy.isEmpty()) {
      return toDefault(answer, DecisionOutcome.UNKNOWN, document);
    }
    return new RouteDecision(
        answer, DecisionOutcome.MATCHED, policy.get(), targetOf(answer, policy.get(), document));
  }

  /**
   * The policy's target; where a proxy decided itself, the model it ranked first (plano ranks a
   * route's models by cost or latency, so it may not be the policy's first).
   */
  private static ModelTarget targetOf(
      RouterAnswer answer, RoutingPolicy policy, PolicyDocument document) {
    List<String> ranked = answer.reading().rankedModels();
    if (!ranked.isEmpty()) {
      String first = ranked.get(0);
      return document.targetByModel(first).orElseGet(() -> ModelTarget.of(first, null, false));
    }
    return policy.targetModel() == null
        ? null
        : document.targetByModel(policy.targetModel()).orElse(null);
  }

  private static RouteDecision toDefault(
      RouterAnswer answer, DecisionOutcome outcome, PolicyDocument document) {
    return new RouteDecision(answer, outcome, null, document.defaultTarget().orElse(null));
  }
}
