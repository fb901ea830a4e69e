package io.routebench.app.playtest;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.UiTimer;
import io.routebench.app.taxonomy.RoutedNode;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A conversation played against the workspace's policies, made of parts that each do one job: the
 * {@link Conversation} document and its editing, the live {@link DraftRoute} of the message being
 * typed, the {@link TurnRoutes} of the messages sent, the {@link ReplyStreams} from targets, the
 * {@link DecisionWhy} the why panel shows and the {@link PlaytestCases} saved from it. This class
 * builds them, tells each what the others changed, and runs the commands that span several (send,
 * cancel, clear, open a test case).
 *
 * <p>Confined to the UI thread; decisions run on the router's engine thread.
 */
public final class PlaytestViewModel {

  private final DocumentEditor editor;
  private final LocalRouter router;
  private final Conversation conversation = new Conversation();
  private final DecisionWhy why = new DecisionWhy();
  private final DraftRoute draftRoute;
  private final TurnRoutes turnRoutes;
  private final ReplyStreams replies;
  private final PlaytestCases cases;
  private final ObservableList<String> routeNames = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<RoutedNode> chosenNode =
      new ReadOnlyObjectWrapper<>(this, "chosenNode");
  private final ReadOnlyBooleanWrapper routing = new ReadOnlyBooleanWrapper(this, "routing");
  private final ChangeListener<LocalRouter.Loaded> modelChanged = (obs, old, now) -> modelChanged();
  private final ChangeListener<Boolean> loadingChanged = (obs, old, now) -> loadingChanged(now);
  private final ChangeListener<PolicyDocument> documentChanged =
      (obs, old, now) -> documentChanged(now);

  /**
   * @param saver stores conversations as test cases
   * @param router decides, and reports on the UI thread
   * @param timer waits for a pause in typing
   * @param targetReplies asks a route's target model for its reply
   */
  public PlaytestViewModel(
      DocumentEditor editor,
      LocalRouter router,
      PlaytestCases.CaseSaver saver,
      UiTimer timer,
      TargetReplies targetReplies) {
    this.editor = editor;
    this.router = router;
    draftRoute = new DraftRoute(conversation, router, editor::document, timer, why);
    turnRoutes = new TurnRoutes(conversation, router, editor::document, timer, why);
    replies = new ReplyStreams(conversation, targetReplies, editor::document, this::replyEnded);
    cases = new PlaytestCases(conversation, saver);
    conversation.onEdits(new EditsFollower());
    conversation.draftProperty().addListener((obs, old, now) -> draftRoute.routeSoon());
    conversation.draftRoleProperty().addListener((obs, old, now) -> draftRoute.routeSoon());
    editor.documentProperty().addListener(documentChanged);
    router.loadedProperty().addListener(modelChanged);
    router.loadingProperty().addListener(loadingChanged);
    routing.bind(
        Bindings.createBooleanBinding(
            () ->
                draftRoute.stateProperty().get() == PlaytestState.ROUTING
                    || conversation.turns().stream().anyMatch(Turn::routing),
            draftRoute.stateProperty(),
            conversation.turns()));
    chosenNode.bind(
        Bindings.createObjectBinding(
            this::chosenNow, draftRoute.decisionProperty(), conversation.turns()));
    showRouteNames(editor.document());
    draftRoute.routeSoon();
  }

  public Conversation conversation() {
    return conversation;
  }

  public DraftRoute draftRoute() {
    return draftRoute;
  }

  public TurnRoutes turnRoutes() {
    return turnRoutes;
  }

  public ReplyStreams replies() {
    return replies;
  }

  public DecisionWhy why() {
    return why;
  }

  public PlaytestCases cases() {
    return cases;
  }

  /** The routes the router chooses from, in prompt order, and {@code other}. */
  public ObservableList<String> routeNames() {
    return FXCollections.unmodifiableObservableList(routeNames);
  }

  /** The node of the route chosen for the draft, or for the last message; or null. */
  public ReadOnlyObjectProperty<RoutedNode> chosenNodeProperty() {
    return chosenNode.getReadOnlyProperty();
  }

  /** Whether the router is working on the draft or on a message of the conversation. */
  public ReadOnlyBooleanProperty routingProperty() {
    return routing.getReadOnlyProperty();
  }

  /** Sends the draft as the role it is typed as. */
  public void send() {
    if (conversation.draftRoleProperty().get() == Role.ASSISTANT) {
      addAssistantReply();
    } else {
      sendAsUser();
    }
  }

  /** Adds the draft as the user's message, with the route decided for it, and clears the draft. */
  public void sendAsUser() {
    String text = conversation.draftProperty().get();
    if (text.isBlank()) {
      return;
    }
    Turn turn = conversation.append(Role.USER, text);
    RouteRequest request = turnRoutes.requestFor(conversation.turns().size() - 1);
    RouteDecision decided = draftRoute.decidedFor(request);
    if (decided != null) {
      turnRoutes.adopt(turn, request, decided, why.draft());
    } else {
      // Sent before its route was decided: it gets its own decision, which typing the next
      // message does not supersede.
      turnRoutes.route(turn, request);
    }
    conversation.draftProperty().set("");
    turnRoutes.refreshStaleness();
  }

  /** Adds the draft as the assistant's reply (it shapes how the next user message is read). */
  public void addAssistantReply() {
    String text = conversation.draftProperty().get();
    if (text.isBlank()) {
      return;
    }
    conversation.append(Role.ASSISTANT, text);
    conversation.draftProperty().set("");
    conversation.draftRoleProperty().set(Role.USER);
    draftRoute.routeSoon();
  }

  /**
   * Stops every decision in flight, the draft's and the conversation's, until the user changes
   * something: nothing is routed again on its own before that.
   */
  public void cancelRouting() {
    router.cancelDecisions();
    draftRoute.cancelled("Cancelled. Edit the message to route it again.");
    turnRoutes.cancelled();
  }

  /** Empties the conversation; {@link #undoClear()} brings it back. */
  public void clearConversation() {
    shelve("Conversation cleared", false);
    turnRoutes.refreshStaleness();
    draftRoute.routeSoon();
  }

  /** Brings back the conversation the last Clear or opened test case replaced. */
  public void undoClear() {
    if (conversation.shelvedProperty().get() == null) {
      return;
    }
    stopEverything();
    conversation.unshelve();
  }

  /**
   * Replaces the conversation and the draft with {@code testCase}'s messages, played the way the
   * user would type them: each user message is sent and routed on its own. What it replaced can be
   * brought back ({@link #undoClear()}).
   *
   * @return how many messages could not be played (system, tool and developer messages, which the
   *     playtest has no way to add) or were empty
   */
  public int open(TestCase testCase) {
    var put = shelve("Opened “" + testCase.name() + "” in place of your conversation", true);
    conversation.draftRoleProperty().set(Role.USER);
    int skipped = 0;
    for (CaseMessage message : testCase.messages()) {
      if (message.content().isBlank()
          || (message.role() != Role.USER && message.role() != Role.ASSISTANT)) {
        skipped++;
        continue;
      }
      conversation.draftProperty().set(message.content());
      if (message.role() == Role.USER) {
        sendAsUser();
      } else {
        addAssistantReply();
      }
    }
    conversation.shelve(put);
    return skipped;
  }

  /**
   * Brings back the conversation the workspace kept, unless the user has started another meanwhile;
   * its user messages are routed again when a router is loaded.
   */
  public void restore(PlaytestConversation kept) {
    if (!conversation.restore(kept)) {
      return;
    }
    turnRoutes.rerouteAll();
    draftRoute.routeSoon();
  }

  /** Stops listening to the shared router and the document, and drops what is in flight. */
  public void dispose() {
    router.loadedProperty().removeListener(modelChanged);
    router.loadingProperty().removeListener(loadingChanged);
    editor.documentProperty().removeListener(documentChanged);
    routing.unbind();
    chosenNode.unbind();
    replies.stopReply(); // first: stopping asks for the draft's route again, which is then dropped
    draftRoute.dispose();
    turnRoutes.dispose();
    router.cancelDecisions();
  }

  /**
   * Puts the conversation aside (and the draft, when {@code withDraft}) after stopping what was
   * under way for it; the shelf is offered for undo until the next change.
   */
  private Conversation.Shelved shelve(String what, boolean withDraft) {
    stopEverything();
    why.select(null);
    return conversation.shelve(what, withDraft);
  }

  /**
   * Stops what is under way for the messages: their decisions and a reply. The draft's decision is
   * left to {@link DraftRoute#routeSoon()}, which drops it when the draft's request changes.
   */
  private void stopEverything() {
    replies.stopReply();
    turnRoutes.clear();
  }

  private void modelChanged() {
    // The router cancelled what was in flight for the old model; every route was the old model's.
    turnRoutes.routerChanged();
    draftRoute.routerChanged();
  }

  private void loadingChanged(boolean loading) {
    if (loading) {
      // Switching routers cancelled the decisions in flight: nothing waits for them.
      turnRoutes.routerSwitching();
    } else {
      turnRoutes.refreshStaleness();
    }
    draftRoute.routeSoon();
  }

  private void documentChanged(PolicyDocument now) {
    showRouteNames(now);
    turnRoutes.policiesChanged(now);
    draftRoute.routeSoon();
  }

  private void replyEnded() {
    turnRoutes.refreshStaleness();
    draftRoute.routeSoon();
  }

  private void showRouteNames(PolicyDocument document) {
    var names = new ArrayList<String>();
    RouteOption.allOf(document).forEach(route -> names.add(route.name()));
    names.add(RouteNames.OTHER);
    if (!names.equals(routeNames)) {
      routeNames.setAll(names);
    }
  }

  /** The draft's route while there is one; otherwise the last user message's, unless stale. */
  private RoutedNode chosenNow() {
    RouteDecision shown = draftRoute.decisionProperty().get();
    if (shown == null) {
      for (int i = conversation.turns().size() - 1; i >= 0; i--) {
        Turn turn = conversation.turns().get(i);
        if (turn.isUser()) {
          shown = turn.state() == TurnState.DECIDED ? turn.decision() : null;
          break;
        }
      }
    }
    return shown == null || shown.policy() == null ? null : RoutedNode.of(shown.policy());
  }

  /** Tells the routes, replies and why panel about the user's edits of the conversation. */
  private final class EditsFollower implements Conversation.Edits {
    @Override
    public void editing(Turn turn) {
      replies.editing(turn);
    }

    @Override
    public void removed(Turn turn) {
      turnRoutes.forget(turn.id());
      why.forget(turn.id());
    }

    @Override
    public void changed() {
      turnRoutes.somethingChanged();
      draftRoute.routeSoon();
    }
  }
}
