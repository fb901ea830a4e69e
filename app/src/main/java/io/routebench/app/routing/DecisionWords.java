package io.routebench.app.routing;

import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.taxonomy.ModelTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
              ? "routes to "
                  + target
                  + " (policy "
                  + decision.policy().routeName()
                  + (decision.answer().reading().isProxyDecision() ? ", ranked first by plano" : "")
                  + ")"
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

  /**
   * A list answer of more than one route (plano-v1), whole, saying which entry plano takes (the
   * first name that is a route; names before it are not routes and are skipped), e.g. "1. bogus (no
   * such route: skipped) · 2. debugging (plano takes this) · 3. code generation". Empty for an
   * answer that names one route or none.
   */
  public static Optional<String> answerList(RouteDecision decision) {
    List<String> listed = decision.answer().reading().listedRoutes();
    if (listed.size() < 2) {
      return Optional.empty();
    }
    boolean noneIsARoute = decision.outcome() == DecisionOutcome.UNKNOWN;
    int taken = noneIsARoute ? listed.size() : decision.answer().reading().takenIndex();
    var entries = new ArrayList<String>();
    for (int i = 0; i < listed.size(); i++) {
      String note =
          i < taken ? " (no such route: skipped)" : i == taken ? " (plano takes this)" : "";
      entries.add((i + 1) + ". " + listed.get(i) + note);
    }
    return Optional.of(
        String.join(" · ", entries)
            + (noneIsARoute ? " · none is a route: the request goes to the default" : ""));
  }

  /**
   * The models a running plano ranked for the request, e.g. "openai/gpt-4o, then openai/gpt-4o-mini
   * on 429/5xx"; empty unless plano decided.
   */
  public static Optional<String> planoModels(RouteDecision decision) {
    List<String> ranked = decision.answer().reading().rankedModels();
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    if (ranked.equals(List.of("none"))) {
      return Optional.of("none (no route: the client's own model, the default target)");
    }
    return Optional.of(
        ranked.get(0)
            + (ranked.size() == 1
                ? ""
                : ", then " + String.join(", ", ranked.subList(1, ranked.size())) + " on 429/5xx"));
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
