package io.routebench.app.routing;

import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.RouteDecision;
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
