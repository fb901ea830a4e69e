package io.routebench.app.playtest;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.UiTimer;
import io.routebench.core.routing.DecisionCall;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.DecisionListener;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.workspace.PolicyDocument;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The routes of the messages already sent. Each user message remembers the request it was decided
 * for; when the policies, the profile or the messages before it change, it is stale, and is routed
 * again after the typing pause (or on request, with automatic re-routing off). Typing the next
 * message does not supersede a sent message's decision.
 *
 * <p>Whoever stops a decision under way (an edit, a delete, Cancel, a router change) puts the
 * message's state right at once and cancels the decision, whose answer the router then never
 * delivers; so an answer that arrives is always current. Cancel holds automatic re-routing until
 * the user changes something: it means "stop", not "start over".
 *
 * <p>Confined to the UI thread.
 */
public final class TurnRoutes {

  private final Conversation conversation;
  private final LocalRouter router;
  private final Supplier<PolicyDocument> document;
  private final UiTimer timer;
  private final DecisionWhy why;
  private final BooleanProperty autoReroute = new SimpleBooleanProperty(this, "autoReroute", true);
  private final ReadOnlyBooleanWrapper anyStale = new ReadOnlyBooleanWrapper(this, "anyStale");

  /** The request each user message was last decided (or asked) for, by turn id. */
  private final Map<Long, RouteRequest> requests = new HashMap<>();

  /** The decision each routing message waits for, by turn id. */
  private final Map<Long, DecisionCall> pending = new HashMap<>();

  private UiTimer.Scheduled pendingReroute;

  /** Set by Cancel: stale messages wait for the user's next change before they are re-routed. */
  private boolean held;

  TurnRoutes(
      Conversation conversation,
      LocalRouter router,
      Supplier<PolicyDocument> document,
      UiTimer timer,
      DecisionWhy why) {
    this.conversation = conversation;
    this.router = router;
    this.document = document;
    this.timer = timer;
    this.why = why;
    autoReroute.addListener(
        (obs, old, now) -> {
          if (now) {
            held = false;
            refreshStaleness();
          }
        });
  }

  /** Whether stale messages are routed again on their own, after the typing pause. */
  public BooleanProperty autoRerouteProperty() {
    return autoReroute;
  }

  /** Whether some message's route was decided for other policies, profile or messages. */
  public ReadOnlyBooleanProperty anyStaleProperty() {
    return anyStale.getReadOnlyProperty();
  }

  /** Routes every user message again, stale or not. */
  public void rerouteAll() {
    held = false;
    cancelPendingReroute();
    for (int i = 0; i < conversation.turns().size(); i++) {
      if (conversation.turns().get(i).isUser()) {
        routeTurn(i);
      }
    }
  }

  /** Routes the stale (and failed) messages again. */
  public void rerouteStale() {
    held = false;
    cancelPendingReroute();
    for (int i = 0; i < conversation.turns().size(); i++) {
      TurnState turnState = conversation.turns().get(i).state();
      if (turnState == TurnState.STALE || turnState == TurnState.FAILED) {
        routeTurn(i);
      }
    }
  }

  /** The request message {@code index} is routed with: the conversation up to it. */
  RouteRequest requestFor(int index) {
    // With the workspace's default target as the client's model, as plano is asked.
    return RouteRequest.of(document.get(), conversation.messagesThrough(index));
  }

  /** Gives a message just sent the draft's decision, made for this very request. */
  void adopt(Turn turn, RouteRequest request, RouteDecision decision, DecisionDetails details) {
    requests.put(turn.id(), request);
    conversation.replace(turn.decided(decision));
    why.turnDecided(turn.id(), details);
  }

  /** Asks the router for a message sent before its route was decided. */
  void route(Turn turn, RouteRequest request) {
    if (canRoute()) {
      ask(turn.id(), request);
    }
  }

  /** The user changed something: routes are checked, and Cancel's hold ends. */
  void somethingChanged() {
    held = false;
    refreshStaleness();
  }

  /**
   * Cancel: stops the decisions under way (the caller cancels them in the router); their messages
   * keep their last route, marked stale, and wait for the user's next change or Re-route.
   */
  void cancelled() {
    held = true;
    cancelPendingReroute();
    letGoOfPending();
    refreshStaleness();
  }

  /** The router is switching: its decisions were cancelled; they are asked again once it is. */
  void routerSwitching() {
    cancelPendingReroute();
    letGoOfPending();
    refreshStaleness();
  }

  /** The router changed: every route was the old router's. */
  void routerChanged() {
    for (Turn turn : conversation.turns()) {
      if (turn.isUser() && turn.state() != TurnState.NOT_ROUTED) {
        conversation.replace(turn.decision() == null ? turn.notRouted() : turn.stale());
      }
    }
    requests.clear();
    pending.clear();
    held = false;
    refreshStaleness();
  }

  /** The policies changed: decisions keep the router's answer, resolved against the new targets. */
  void policiesChanged(PolicyDocument now) {
    for (Turn turn : conversation.turns()) {
      if (turn.decision() != null) {
        RouteDecision resolved = RouteResolver.resolve(turn.decision().answer(), now);
        if (!resolved.equals(turn.decision())) {
          conversation.replace(turn.resolvedAs(resolved));
        }
      }
    }
    somethingChanged();
  }

  /** The message is gone: its decision under way is dropped. */
  void forget(long turnId) {
    requests.remove(turnId);
    cancel(turnId);
  }

  /**
   * The conversation was put aside (Clear, or a test case opened in its place): the decisions under
   * way are dropped. The requests stay, so that messages brought back by undo keep their routes.
   */
  void clear() {
    cancelPendingReroute();
    pending.values().forEach(DecisionCall::cancel);
    pending.clear();
  }

  void dispose() {
    cancelPendingReroute();
    pending.values().forEach(DecisionCall::cancel);
    pending.clear();
  }

  /**
   * Marks every user message whose request has changed since its decision as stale, and asks for
   * the stale ones again after the typing pause when re-routing is automatic and not held.
   */
  void refreshStaleness() {
    boolean stale = false;
    for (int i = 0; i < conversation.turns().size(); i++) {
      Turn turn = conversation.turns().get(i);
      if (!turn.isUser()) {
        continue;
      }
      RouteRequest decidedFor = requests.get(turn.id());
      boolean changed = decidedFor == null || !decidedFor.equals(requestFor(i));
      boolean hadRoute =
          turn.state() == TurnState.DECIDED
              || turn.state() == TurnState.FAILED
              || turn.state() == TurnState.ROUTING;
      if (changed && hadRoute) {
        cancel(turn.id());
        conversation.replace(turn.stale());
      }
      stale |= conversation.turns().get(i).state() == TurnState.STALE;
    }
    anyStale.set(stale);
    if (stale && autoReroute.get() && !held && canRoute()) {
      rerouteSoon();
    }
  }

  private boolean canRoute() {
    return router.isReady() && !router.loadingProperty().get();
  }

  private void rerouteSoon() {
    cancelPendingReroute();
    pendingReroute =
        timer.schedule(
            DraftRoute.TYPING_PAUSE,
            () -> {
              pendingReroute = null;
              rerouteStale();
            });
  }

  private void routeTurn(int index) {
    if (canRoute()) {
      ask(conversation.turns().get(index).id(), requestFor(index));
    }
  }

  private void ask(long turnId, RouteRequest request) {
    Turn turn = conversation.find(turnId);
    if (turn == null) {
      return;
    }
    cancel(turnId);
    requests.put(turnId, request);
    conversation.replace(turn.asking());
    DecisionCall call =
        router.decideSent(
            request,
            DecisionListener.of(
                answer -> answered(turnId, request, answer),
                () -> {
                  // Whoever cancelled has put the message's state right already.
                },
                error -> failed(turnId, error)));
    Turn now = conversation.find(turnId);
    if (now != null && now.routing()) {
      pending.put(turnId, call); // not when it was answered at once
    }
  }

  /** The answer for the message as it stands: the router drops any other. */
  private void answered(long turnId, RouteRequest request, RouterAnswer answer) {
    pending.remove(turnId);
    Turn turn = conversation.find(turnId);
    // Resolved against the document as it is now: only the targets can differ, not the request.
    RouteDecision made = RouteResolver.resolve(answer, document.get());
    conversation.replace(turn.decided(made));
    why.turnDecided(turnId, router.explain(request, made));
    refreshStaleness();
  }

  private void failed(long turnId, RuntimeException error) {
    pending.remove(turnId);
    Turn turn = conversation.find(turnId);
    conversation.replace(turn.failed("The router failed: " + DraftRoute.describe(error)));
    refreshStaleness();
  }

  /** Drops the decision a message waits for: its text, context or policies changed again. */
  private void cancel(long turnId) {
    DecisionCall call = pending.remove(turnId);
    if (call != null) {
      call.cancel();
    }
  }

  /** The decisions under way were cancelled: their messages are back where they were. */
  private void letGoOfPending() {
    for (long turnId : pending.keySet()) {
      Turn turn = conversation.find(turnId);
      if (turn != null && turn.routing()) {
        pending.get(turnId).cancel();
        conversation.replace(turn.decision() == null ? turn.notRouted() : turn.stale());
        requests.remove(turnId);
      }
    }
    pending.clear();
  }

  private void cancelPendingReroute() {
    if (pendingReroute != null) {
      pendingReroute.cancel();
      pendingReroute = null;
    }
  }
}
