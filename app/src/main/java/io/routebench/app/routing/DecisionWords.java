package io.routebench.app.routing;

import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.taxonomy.ModelTarget;
import java.util.Locale;

/** How a routing decision is put into words, the same in the workbench and on the command line. */
public final class DecisionWords {

  private DecisionWords() {}

  /** Why the request goes where it goes, e.g. "router said other: default target". */
  public static String outcome(RouteDecision decision) {
    return switch (decision.outcome()) {
      case MATCHED -> "matched a policy";
      case OTHER -> "router said other: default target";
      case EMPTY -> "router named no route: default target";
      case UNKNOWN ->
          "router named unknown route \"" + decision.answer().routeName() + "\": default target";
      case PROXY_ERROR ->
          "the proxy cannot read this answer ("
              + decision.answer().reading().proxyError()
              + "): the request fails with HTTP 500";
    };
  }

  /**
   * What the proxy does with the request, e.g. "routes to anthropic/claude (policy code
   * generation)" or "goes to the default target openai/gpt-4o".
   */
  public static String proxyAction(RouteDecision decision) {
    String target = decision.targetModel().map(ModelTarget::model).orElse(null);
    return switch (decision.outcome()) {
      case MATCHED ->
          target != null
              ? "routes to " + target + " (policy " + decision.policy().routeName() + ")"
              : "matches policy "
                  + decision.policy().routeName()
                  + ", which has no declared target model: the export leaves it out";
      case OTHER, EMPTY, UNKNOWN ->
          target != null
              ? "goes to the default target " + target
              : "has no default target to go to";
      case PROXY_ERROR ->
          "answers the client with HTTP 500 (\"Failed to determine route\"): the request reaches"
              + " no model";
    };
  }

  /** One line: where the time went and how much of the prompt came from the cache. */
  public static String timing(DecisionTiming timing) {
    return String.format(
        Locale.ROOT,
        "%.1f s · prompt %d tokens, %d reused, %d evaluated · %d generated",
        timing.totalMillis() / 1000.0,
        timing.promptTokens(),
        timing.reusedTokens(),
        timing.evaluatedTokens(),
        timing.generatedTokens());
  }
}
