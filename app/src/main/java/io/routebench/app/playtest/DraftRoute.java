package io.routebench.app.playtest;

import io.routebench.app.routing.DecisionWords;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.UiTimer;
import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.DecisionListener;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.workspace.PolicyDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The route of the message being typed, decided live: after each pause in typing the router is
 * asked, and any change to what it reads (the draft, the messages before it, the policies, the
 * router) drops the answer under way: the router never delivers it ({@code DecisionCall}). The view
 * is drawn from {@link PlaytestState}.
 *
 * <p>Whoever stops the decision under way sets the state it leaves behind, so an answer that never
 * comes needs no handling: the listener's {@code cancelled()} does nothing.
 *
 * <p>Confined to the UI thread.
 */
public final class DraftRoute {

  /** How long typing must pause before the router is asked. */
  static final Duration TYPING_PAUSE = Duration.ofMillis(250);

  private final Conversation conversation;
  private final LocalRouter router;
  private final Supplier<PolicyDocument> document;
  private final UiTimer timer;
  private final DecisionWhy why;
  private final ReadOnlyObjectWrapper<RouteDecision> decision =
      new ReadOnlyObjectWrapper<>(this, "decision");
  private final ReadOnlyObjectWrapper<PlaytestState> state =
      new ReadOnlyObjectWrapper<>(this, "state", PlaytestState.IDLE);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private UiTimer.Scheduled pendingDecision;

  /** The request the decision under way is for, or {@code null}. */
  private RouteRequest awaited;

  /** The request the decision shown was made for, or {@code null}. */
  private RouteRequest shownFor;

  DraftRoute(
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
  }

  /** The decision for the draft as it stands (or, while superseded, the last one), or null. */
  public ReadOnlyObjectProperty<RouteDecision> decisionProperty() {
    return decision.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<PlaytestState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** What the playtest is waiting for, or what went wrong; empty when a decision is shown. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The route shown as chosen for the draft, the way the route list names it, or {@code null}. */
  public String chosenRoute() {
    RouteDecision shown = decision.get();
    return shown == null ? null : shown.effectiveRoute();
  }

  /** Why this route, then where the time went, one line each. */
  public String describe(RouteDecision shown) {
    return DecisionWords.outcome(shown) + "\n" + DecisionWords.timing(shown.answer().timing());
  }

  /** The decision shown when it was made for exactly {@code request}, else {@code null}. */
  RouteDecision decidedFor(RouteRequest request) {
    return state.get() == PlaytestState.DECIDED && request.equals(shownFor) ? decision.get() : null;
  }

  /**
   * Something the draft's route depends on may have changed: the answer under way for another
   * request is dropped, and the router is asked after the typing pause.
   */
  void routeSoon() {
    cancelPending();
    if (router.loadingProperty().get()) {
      showNothing("Switching routers: the route shows once the new one is ready.");
      return;
    }
    if (!router.isReady()) {
      showNothing("Load a router model to see the route of each message as you type it.");
      return;
    }
    if (conversation.draftRoleProperty().get() == Role.ASSISTANT) {
      showNothing("An assistant reply is not routed: it shapes how the next user message is read.");
      return;
    }
    if (conversation.draftProperty().get().isBlank()) {
      showNothing("Type a user message: its route appears as you type.");
      return;
    }
    RouteRequest request = request();
    if (request.equals(awaited)) {
      return; // the decision under way is for exactly this
    }
    stopAwaiting();
    RouteDecision shown = decision.get();
    if (shown != null && request.equals(shownFor)) {
      // Only something the router does not read changed (a target, say): no need to ask again.
      decided(RouteResolver.resolve(shown.answer(), document.get()));
      return;
    }
    if (shown != null) {
      setState(PlaytestState.SUPERSEDED);
    } else if (state.get() == PlaytestState.ROUTING) {
      setState(PlaytestState.IDLE);
    }
    pendingDecision = timer.schedule(TYPING_PAUSE, this::routeNow);
  }

  /**
   * The user cancelled: nothing is asked again until something changes. Also when the router
   * cancelled the decision under way (it is switching models).
   */
  void cancelled(String why) {
    cancelPending();
    if (awaited != null) {
      stopAwaiting();
      setState(decision.get() == null ? PlaytestState.IDLE : PlaytestState.SUPERSEDED);
      status.set(why);
    }
  }

  /** The router changed: every decision shown was the old router's. */
  void routerChanged() {
    awaited = null;
    shownFor = null;
    routeSoon();
  }

  void dispose() {
    cancelPending();
    stopAwaiting();
  }

  /** Whether a decision is asked for or waiting for the typing pause. */
  boolean isPending() {
    return pendingDecision != null || awaited != null;
  }

  private void routeNow() {
    pendingDecision = null;
    RouteRequest request = request();
    awaited = request;
    setState(PlaytestState.ROUTING);
    status.set("Routing…");
    router.decideLive(
        request,
        DecisionListener.of(
            preview -> {
              // Provisional: constrained decoding can only name a route; the exact answer (free
              // decoding, as production decodes) follows and confirms or corrects it.
              decision.set(RouteResolver.resolve(preview, document.get()));
              status.set("Preview (constrained decoding); the exact answer follows…");
            },
            answer -> {
              awaited = null;
              shownFor = request;
              RouteDecision made = RouteResolver.resolve(answer, document.get());
              why.draftDecided(router.explain(request, made));
              decided(made);
            },
            () -> {
              // Whoever cancelled has set the state already.
            },
            error -> {
              awaited = null;
              shownFor = null;
              decision.set(null);
              status.set("The router failed: " + describe(error));
              setState(PlaytestState.FAILED);
            }));
  }

  private RouteRequest request() {
    PolicyDocument policies = document.get();
    var messages = new ArrayList<Message>();
    conversation.turns().forEach(turn -> messages.add(turn.message()));
    messages.add(Message.user(conversation.draftProperty().get()));
    return RouteRequest.of(policies, messages);
  }

  private void decided(RouteDecision made) {
    decision.set(made);
    status.set("");
    setState(PlaytestState.DECIDED);
  }

  static String describe(RuntimeException error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }

  private void showNothing(String why) {
    stopAwaiting();
    shownFor = null;
    this.why.draftDecided(null);
    decision.set(null);
    status.set(why);
    setState(PlaytestState.IDLE);
  }

  /** Drops the answer under way: the router never delivers it. */
  private void stopAwaiting() {
    if (awaited != null) {
      awaited = null;
      router.cancelLive();
    }
  }

  private void setState(PlaytestState next) {
    if (!Objects.equals(next, state.get())) {
      state.set(next);
    }
  }

  private void cancelPending() {
    if (pendingDecision != null) {
      pendingDecision.cancel();
      pendingDecision = null;
    }
  }
}
