package io.routebench.app.playtest;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.RouteDecision;
import java.util.Objects;

/**
 * A message of the playtest conversation and, for a user message, where its route stands.
 *
 * @param id stays the same through edits, so a late answer finds its message
 * @param decision the last decision made for the message (still shown while {@link
 *     TurnState#STALE}), or {@code null}
 * @param failure why routing failed, or {@code null}
 * @param ask which request the message is waiting for; an answer to an older one is dropped
 */
public record Turn(
    long id,
    Role role,
    String text,
    TurnState state,
    RouteDecision decision,
    String failure,
    long ask) {

  public Turn {
    Objects.requireNonNull(role);
    Objects.requireNonNull(text);
    Objects.requireNonNull(state);
  }

  static Turn of(long id, Role role, String text) {
    return new Turn(id, role, text, TurnState.NOT_ROUTED, null, null, 0);
  }

  public boolean isUser() {
    return role == Role.USER;
  }

  /** The route decided for the message as it stands, or {@code null} (not decided, or stale). */
  public String route() {
    return state == TurnState.DECIDED ? decision.effectiveRoute() : null;
  }

  public boolean routing() {
    return state == TurnState.ROUTING;
  }

  Message message() {
    return new Message(role, text);
  }

  Turn withText(String newText) {
    return new Turn(id, role, newText, state, decision, failure, ask);
  }

  Turn asking(long newAsk) {
    return new Turn(id, role, text, TurnState.ROUTING, decision, null, newAsk);
  }

  Turn decided(RouteDecision made) {
    return new Turn(id, role, text, TurnState.DECIDED, made, null, ask);
  }

  Turn failed(String why) {
    return new Turn(id, role, text, TurnState.FAILED, decision, why, ask);
  }

  Turn stale() {
    return new Turn(id, role, text, TurnState.STALE, decision, failure, ask);
  }

  Turn notRouted() {
    return new Turn(id, role, text, TurnState.NOT_ROUTED, decision, null, ask);
  }
}
