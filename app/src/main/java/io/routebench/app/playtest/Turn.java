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
 * @param failure why routing (or, for an assistant message, its reply) failed, or {@code null}
 */
public record Turn(
    long id, Role role, String text, TurnState state, RouteDecision decision, String failure) {

  public Turn {
    Objects.requireNonNull(role);
    Objects.requireNonNull(text);
    Objects.requireNonNull(state);
  }

  static Turn of(long id, Role role, String text) {
    return new Turn(id, role, text, TurnState.NOT_ROUTED, null, null);
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
    return new Turn(id, role, newText, state, decision, failure);
  }

  Turn asking() {
    return new Turn(id, role, text, TurnState.ROUTING, decision, null);
  }

  Turn decided(RouteDecision made) {
    return new Turn(id, role, text, TurnState.DECIDED, made, null);
  }

  Turn failed(String why) {
    return new Turn(id, role, text, TurnState.FAILED, decision, why);
  }

  Turn stale() {
    return new Turn(id, role, text, TurnState.STALE, decision, failure);
  }

  /** An assistant message streaming in anew from the target. */
  Turn replyingAnew() {
    return new Turn(id, role, "", TurnState.REPLYING, null, null);
  }

  /** A copy whose decision is {@code resolved} (the same answer read against changed targets). */
  Turn resolvedAs(RouteDecision resolved) {
    return new Turn(id, role, text, state, resolved, failure);
  }

  public boolean replying() {
    return state == TurnState.REPLYING;
  }

  /** The reply as it came, or as the user wrote it: a plain assistant message. */
  Turn replied(String reply) {
    return new Turn(id, role, reply, TurnState.NOT_ROUTED, null, null);
  }

  Turn stopped(String soFar) {
    return new Turn(id, role, soFar, TurnState.STOPPED, null, null);
  }

  Turn replyFailed(String soFar, String why) {
    return new Turn(id, role, soFar, TurnState.REPLY_FAILED, null, why);
  }

  Turn notRouted() {
    return new Turn(id, role, text, TurnState.NOT_ROUTED, decision, null);
  }
}
