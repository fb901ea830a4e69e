package io.routebench.app.playtest;

import io.routebench.app.routing.DecisionWords;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.taxonomy.ModelTarget;
import java.util.Locale;

/** What the chip beside a message says: where its route, or its reply, stands. */
final class RouteChips {

  private RouteChips() {}

  /** What a route chip says: route, target model, outcome and time; or where the route stands. */
  static String chipText(Turn turn) {
    RouteDecision decision = turn.decision();
    return switch (turn.state()) {
      case NOT_ROUTED -> "not routed: no router model was loaded";
      case ROUTING ->
          decision == null ? "routing…" : "routing again… (was " + summary(decision) + ")";
      case DECIDED -> summary(decision);
      case STALE ->
          decision == null
              ? "stale: route it again"
              : "stale: " + summary(decision) + " — decided for other policies or messages";
      case FAILED -> turn.failure();
      case REPLYING, STOPPED, REPLY_FAILED -> replyChipText(turn, null);
    };
  }

  /** What an assistant message's chip says about its reply, or {@code null} for none. */
  static String replyChipText(Turn turn, ModelTarget from) {
    String who = from == null ? "the target" : from.label();
    return switch (turn.state()) {
      case REPLYING -> "replying… from " + who;
      case STOPPED -> "stopped: the reply from " + who + " so far";
      case REPLY_FAILED -> turn.failure();
      default -> from == null ? null : "reply from " + who;
    };
  }

  /** The style class of a message's chip for where it stands, or {@code null} for the plain one. */
  static String styleClass(Turn turn) {
    return switch (turn.state()) {
      case ROUTING, REPLYING -> "chip-routing";
      case STALE, STOPPED -> "chip-stale";
      case FAILED, REPLY_FAILED -> "chip-failed";
      case NOT_ROUTED -> turn.isUser() ? "chip-none" : null;
      case DECIDED -> null;
    };
  }

  /** The target a decision sends to, or why it sends nowhere. */
  static String targetOf(RouteDecision decision) {
    return decision.outcome().failsRequest()
        ? "→ nowhere: the proxy answers HTTP 500"
        : "→ " + decision.targetModel().map(ModelTarget::model).orElse("no default target");
  }

  private static String summary(RouteDecision decision) {
    return decision.effectiveRoute()
        + " → "
        + decision.targetModel().map(ModelTarget::model).orElse("no default target")
        + " · "
        + DecisionWords.outcome(decision)
        + " · "
        + String.format(Locale.ROOT, "%.2f s", decision.answer().timing().totalMillis() / 1000.0);
  }
}
