package io.routebench.app.playtest;

import io.routebench.app.routing.DecisionReport;
import io.routebench.app.routing.DecisionWords;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.UiTimer;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A conversation played against the workspace's policies. The message being typed is routed live:
 * after each pause in typing the router decides, and a newer decision supersedes the one in flight
 * (the {@link LocalRouter} owns both), so the route shown is always the one for the text as it
 * stands. The conversation is a document: any message can be edited, inserted, deleted or moved.
 * Each user message remembers the request it was decided for; when the policies, the profile or the
 * messages before it change, it is stale, and is routed again after the typing pause (or on
 * request, with automatic re-routing off).
 *
 * <p>Confined to the UI thread; decisions run on the router's engine thread.
 */
public final class PlaytestViewModel {

  /** How long typing must pause before the router is asked. */
  static final Duration TYPING_PAUSE = Duration.ofMillis(250);

  /** Stores a conversation as a test case; the workspace session writes it to the file. */
  @FunctionalInterface
  public interface CaseSaver {
    void add(String suiteName, TestCase testCase, Runnable saved, Consumer<Throwable> failed);
  }

  /**
   * The taxonomy node a decision chose, for the tree to light up.
   *
   * @param actionId {@code null} when the route is the domain's own
   */
  public record ChosenNode(String domainId, String actionId) {}

  /** The suite a saved conversation goes to unless the user names another. */
  public static final String DEFAULT_SUITE = "Playtests";

  private static final int CASE_NAME_LENGTH = 60;

  private final DocumentEditor editor;
  private final LocalRouter router;
  private final CaseSaver saver;
  private final UiTimer timer;
  private final TargetReplies replies;
  private final ObservableList<Turn> turns = FXCollections.observableArrayList();
  private final ObservableList<String> routeNames = FXCollections.observableArrayList();
  private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
  private final ObjectProperty<Role> draftRole = new SimpleObjectProperty<>(this, "draftRole");
  private final BooleanProperty autoReroute = new SimpleBooleanProperty(this, "autoReroute", true);
  private final ReadOnlyObjectWrapper<RouteDecision> decision =
      new ReadOnlyObjectWrapper<>(this, "decision");
  private final ReadOnlyObjectWrapper<PlaytestState> state =
      new ReadOnlyObjectWrapper<>(this, "state", PlaytestState.IDLE);
  private final ReadOnlyObjectWrapper<ChosenNode> chosenNode =
      new ReadOnlyObjectWrapper<>(this, "chosenNode");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper routing = new ReadOnlyBooleanWrapper(this, "routing");
  private final ReadOnlyBooleanWrapper anyStale = new ReadOnlyBooleanWrapper(this, "anyStale");
  private final ReadOnlyBooleanWrapper replying = new ReadOnlyBooleanWrapper(this, "replying");
  private final ReadOnlyStringWrapper saveOutcome =
      new ReadOnlyStringWrapper(this, "saveOutcome", "");
  private final ReadOnlyObjectWrapper<List<Turn>> cleared =
      new ReadOnlyObjectWrapper<>(this, "cleared", List.of());
  private final ChangeListener<LocalRouter.Loaded> modelChanged = (obs, old, now) -> modelChanged();
  private final ChangeListener<PolicyDocument> documentChanged =
      (obs, old, now) -> documentChanged(now);

  private final ReadOnlyObjectWrapper<DecisionDetails> details =
      new ReadOnlyObjectWrapper<>(this, "details");

  /** The why of each decided user message, by turn id. */
  private final Map<Long, DecisionDetails> turnDetails = new HashMap<>();

  /** The message whose why is shown, or null for the draft's. */
  private Long selectedTurn;

  private DecisionDetails draftDetails;

  /** The request each user message was last decided (or asked) for, by turn id. */
  private final Map<Long, RouteRequest> requests = new HashMap<>();

  /** Cancels the decision each routing message waits for, by turn id. */
  private final Map<Long, CancellationToken> pendingAsks = new HashMap<>();

  /** The target each asked-for reply came (or is coming) from, by turn id, for Retry. */
  private final Map<Long, ModelTarget> replyTargets = new HashMap<>();

  /** Stops the reply streaming in, or null. */
  private CancellationToken pendingReply;

  private long nextTurnId = 1;
  private long nextAsk = 1;
  private UiTimer.Scheduled pendingDecision;
  private UiTimer.Scheduled pendingReroute;

  /** The request the shown (or awaited) draft decision is for. */
  private RouteRequest draftRequest;

  /** Numbers the draft's requests: a report for an older one is dropped. */
  private long liveAsk;

  /**
   * @param saver stores conversations as test cases
   * @param router decides, and reports on the UI thread
   * @param timer waits for a pause in typing
   * @param replies asks a route's target model for its reply
   */
  public PlaytestViewModel(
      DocumentEditor editor,
      LocalRouter router,
      CaseSaver saver,
      UiTimer timer,
      TargetReplies replies) {
    this.editor = editor;
    this.router = router;
    this.saver = saver;
    this.timer = timer;
    this.replies = replies;
    draftRole.set(Role.USER);
    draft.addListener((obs, old, now) -> routeSoon());
    draftRole.addListener((obs, old, now) -> routeSoon());
    editor.documentProperty().addListener(documentChanged);
    router.loadedProperty().addListener(modelChanged);
    autoReroute.addListener(
        (obs, old, now) -> {
          if (now) {
            rerouteSoon();
          }
        });
    showRouteNames(editor.document());
    routeSoon();
  }

  public ObservableList<Turn> turns() {
    return FXCollections.unmodifiableObservableList(turns);
  }

  /** The routes the router chooses from, in prompt order, and {@code other}. */
  public ObservableList<String> routeNames() {
    return FXCollections.unmodifiableObservableList(routeNames);
  }

  /** The next message, as typed so far. */
  public StringProperty draftProperty() {
    return draft;
  }

  /** Whose message the draft is: only a user message is routed as it is typed. */
  public ObjectProperty<Role> draftRoleProperty() {
    return draftRole;
  }

  /** Whether stale messages are routed again on their own, after the typing pause. */
  public BooleanProperty autoRerouteProperty() {
    return autoReroute;
  }

  /** The decision for the draft as it stands (or, while superseded, the last one), or null. */
  public ReadOnlyObjectProperty<RouteDecision> decisionProperty() {
    return decision.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<PlaytestState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The domain and action of the route chosen for the draft, or the last message; or null. */
  public ReadOnlyObjectProperty<ChosenNode> chosenNodeProperty() {
    return chosenNode.getReadOnlyProperty();
  }

  /** What the playtest is waiting for, or what went wrong; empty when a decision is shown. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether the router is working on the draft or on a message of the conversation. */
  public ReadOnlyBooleanProperty routingProperty() {
    return routing.getReadOnlyProperty();
  }

  /** Whether some message's route was decided for other policies, profile or messages. */
  public ReadOnlyBooleanProperty anyStaleProperty() {
    return anyStale.getReadOnlyProperty();
  }

  /**
   * Why the selected user message (or, with none selected, the draft) got its route: the prompt,
   * the model's input, the raw output and what the proxy does; null while there is no decision.
   */
  public ReadOnlyObjectProperty<DecisionDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** Shows the why of {@code turn}'s decision; {@code null} (or an assistant turn): the draft's. */
  public void selectTurn(Turn turn) {
    selectedTurn = turn == null || !turn.isUser() ? null : turn.id();
    showDetails();
  }

  /** The messages the last Clear removed, until {@link #undoClear()} or the next change. */
  public ReadOnlyObjectProperty<List<Turn>> clearedProperty() {
    return cleared.getReadOnlyProperty();
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

  /** Sends the draft as the role it is typed as. */
  public void send() {
    if (draftRole.get() == Role.ASSISTANT) {
      addAssistantReply();
    } else {
      sendAsUser();
    }
  }

  /** Adds the draft as the user's message, with the route decided for it, and clears the draft. */
  public void sendAsUser() {
    String text = draft.get();
    if (text.isBlank()) {
      return;
    }
    forgetCleared();
    Turn turn = Turn.of(nextTurnId++, Role.USER, text);
    RouteDecision shown = decision.get();
    turns.add(turn);
    RouteRequest request = requestFor(turns.size() - 1);
    if (shown != null && state.get() == PlaytestState.DECIDED && request.equals(draftRequest)) {
      requests.put(turn.id(), request);
      replace(turn.id(), turn.decided(shown));
      if (draftDetails != null) {
        turnDetails.put(turn.id(), draftDetails);
      }
    } else if (router.isReady()) {
      // Sent before its route was decided: it keeps its own decision, which typing the next
      // message does not supersede.
      ask(turn.id(), request);
    }
    draft.set("");
    refreshStaleness();
  }

  /** Adds the draft as the assistant's reply (it shapes how the next user message is read). */
  public void addAssistantReply() {
    String text = draft.get();
    if (text.isBlank()) {
      return;
    }
    forgetCleared();
    turns.add(Turn.of(nextTurnId++, Role.ASSISTANT, text));
    draft.set("");
    draftRole.set(Role.USER);
    routeSoon();
  }

  /**
   * Adds an assistant turn that stands in for the reply of the model the last user message was
   * routed to, naming it, so a follow-up can be tested without calling that model.
   */
  public void simulateReply() {
    String model = lastRoutedModel();
    if (model == null) {
      return;
    }
    forgetCleared();
    turns.add(Turn.of(nextTurnId++, Role.ASSISTANT, "[simulated reply from " + model + "]"));
    routeSoon();
  }

  /** The target model of the last message, when it is a user message with a decided route. */
  public String lastRoutedModel() {
    ModelTarget target = lastRoutedTarget();
    return target == null ? null : target.model();
  }

  /**
   * The target the last message was routed to, when it is a user message with a decided route that
   * has a target; it may still lack a base URL ({@link #whyNoReply()}).
   */
  public ModelTarget lastRoutedTarget() {
    if (turns.isEmpty()) {
      return null;
    }
    Turn last = turns.get(turns.size() - 1);
    if (!last.isUser() || last.state() != TurnState.DECIDED) {
      return null;
    }
    return last.decision().targetModel().orElse(null);
  }

  /** Why {@link #askTarget()} cannot ask now, or {@code null} when it can. */
  public String whyNoReply() {
    if (replying.get()) {
      return "A reply is streaming in; stop it first.";
    }
    ModelTarget target = lastRoutedTarget();
    if (target == null) {
      return "Send a user message and let the router decide its route: its target is asked.";
    }
    return TargetReplies.whyNotAskable(target);
  }

  /** Whether a reply is streaming in from a target. */
  public ReadOnlyBooleanProperty replyingProperty() {
    return replying.getReadOnlyProperty();
  }

  /**
   * Asks the target the last user message was routed to for its reply to the conversation so far;
   * it streams into a new assistant message.
   */
  public void askTarget() {
    if (whyNoReply() != null) {
      return;
    }
    ModelTarget target = lastRoutedTarget();
    forgetCleared();
    Turn turn = Turn.of(nextTurnId++, Role.ASSISTANT, "");
    replyTargets.put(turn.id(), target);
    turns.add(turn);
    streamReply(turn.id());
  }

  /**
   * Asks again for the stopped or failed reply of message {@code index}, from the same target model
   * as the workspace now defines it: a base URL or key reference fixed after a failure is used.
   */
  public void retryReply(int index) {
    Turn turn = turns.get(index);
    ModelTarget asked = replyTargets.get(turn.id());
    if (replying.get()
        || asked == null
        || (turn.state() != TurnState.STOPPED && turn.state() != TurnState.REPLY_FAILED)) {
      return;
    }
    ModelTarget now =
        editor.document().targets().stream()
            .filter(target -> target.model().equals(asked.model()))
            .findFirst()
            .orElse(asked);
    String why = TargetReplies.whyNotAskable(now);
    if (why != null) {
      replace(turn.id(), turn.replyFailed(turn.text(), why));
      return;
    }
    forgetCleared();
    replyTargets.put(turn.id(), now);
    streamReply(turn.id());
  }

  /** Stops the reply streaming in; it keeps the text that came. */
  public void stopReply() {
    if (pendingReply != null) {
      pendingReply.cancel();
      pendingReply = null;
      for (Turn turn : List.copyOf(turns)) {
        if (turn.replying()) {
          replace(turn.id(), turn.stopped(turn.text()));
        }
      }
      replying.set(false);
      routeSoon();
    }
  }

  /** The target that gave (or is giving) the reply of {@code turn}, or {@code null}. */
  public ModelTarget replyTarget(Turn turn) {
    return replyTargets.get(turn.id());
  }

  private void streamReply(long turnId) {
    int index = indexOf(turnId);
    Turn turn = turns.get(index);
    var conversation = new ArrayList<Message>();
    for (Turn before : turns.subList(0, index)) {
      if (!before.text().isBlank()) {
        conversation.add(before.message());
      }
    }
    long thisAsk = nextAsk++;
    replace(turnId, turn.replying(thisAsk));
    replying.set(true);
    pendingReply = new CancellationToken();
    replies.ask(
        replyTargets.get(turnId),
        conversation,
        pendingReply,
        new TargetReplies.Listener() {
          @Override
          public void grew(String textSoFar) {
            Turn now = current();
            if (now != null) {
              replace(turnId, now.withText(textSoFar));
            }
          }

          @Override
          public void finished(String text) {
            Turn now = current();
            if (now != null) {
              replyEnded(
                  text.isBlank()
                      ? now.replyFailed("", "The target answered with no text.")
                      : now.replied(text));
            }
          }

          @Override
          public void stopped(String textSoFar) {
            Turn now = find(turnId);
            if (now != null && now.ask() == thisAsk && now.state() == TurnState.STOPPED) {
              // The stop showed what had been published; this is all that came.
              replace(turnId, now.stopped(textSoFar));
              routeSoon();
            }
          }

          @Override
          public void failed(String textSoFar, String why) {
            Turn now = current();
            if (now != null) {
              replyEnded(now.replyFailed(textSoFar, why));
            }
          }

          /** The turn while it still waits for this reply (not stopped, edited or deleted). */
          private Turn current() {
            Turn now = find(turnId);
            return now != null && now.ask() == thisAsk && now.replying() ? now : null;
          }
        });
  }

  private void replyEnded(Turn ended) {
    replace(ended.id(), ended);
    pendingReply = null;
    replying.set(false);
    // The draft's route depends on the whole conversation, this reply included.
    routeSoon();
  }

  private int indexOf(long turnId) {
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).id() == turnId) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Replaces the text of message {@code index}; it and the user messages after it are stale. A
   * reply streaming into it stops first; an edited reply is the user's own.
   */
  public void editTurn(int index, String text) {
    Turn turn = turns.get(index);
    if (text.isBlank() || text.equals(turn.text())) {
      return;
    }
    if (turn.replying()) {
      stopReply();
    }
    if (!turn.isUser()) {
      replyTargets.remove(turn.id()); // the user's words now, not the target's
    }
    turns.set(index, turn.isUser() ? turn.withText(text) : turn.replied(text));
    conversationChanged();
  }

  /** Inserts a message before {@code index} ({@code turns().size()} appends). */
  public void insertTurn(int index, Role role, String text) {
    if (text.isBlank()) {
      return;
    }
    turns.add(index, Turn.of(nextTurnId++, role, text));
    conversationChanged();
  }

  public void deleteTurn(int index) {
    if (turns.get(index).replying()) {
      stopReply();
    }
    Turn removed = turns.remove(index);
    replyTargets.remove(removed.id());
    requests.remove(removed.id());
    turnDetails.remove(removed.id());
    cancelAsk(removed.id());
    conversationChanged();
  }

  /** Moves message {@code index} up ({@code -1}) or down ({@code +1}). */
  public void moveTurn(int index, int delta) {
    int to = index + delta;
    if (to < 0 || to >= turns.size()) {
      return;
    }
    Turn moved = turns.remove(index);
    turns.add(to, moved);
    conversationChanged();
  }

  /** Routes every user message again, stale or not. */
  public void rerouteAll() {
    cancelPendingReroute();
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).isUser()) {
        routeTurn(i);
      }
    }
    routeSoon();
  }

  /** Routes the stale (and failed) messages again. */
  public void rerouteStale() {
    cancelPendingReroute();
    for (int i = 0; i < turns.size(); i++) {
      TurnState turnState = turns.get(i).state();
      if (turnState == TurnState.STALE || turnState == TurnState.FAILED) {
        routeTurn(i);
      }
    }
  }

  /** Stops every decision in flight: the draft's and the conversation's. */
  public void cancelRouting() {
    cancelPending();
    cancelPendingReroute();
    router.cancelDecisions();
  }

  /** Empties the conversation; {@link #undoClear()} brings it back. */
  public void clearConversation() {
    if (turns.isEmpty()) {
      return;
    }
    router.cancelDecisions();
    stopReply();
    cleared.set(List.copyOf(turns));
    turns.clear();
    requests.clear();
    pendingAsks.clear();
    selectTurn(null);
    refreshStaleness();
    routeSoon();
  }

  public void undoClear() {
    List<Turn> back = cleared.get();
    if (back.isEmpty() || !turns.isEmpty()) {
      return;
    }
    cleared.set(List.of());
    back.forEach(turn -> turns.add(turn.state() == TurnState.ROUTING ? turn.stale() : turn));
    refreshStaleness();
    routeSoon();
  }

  /**
   * The conversation and the draft as they stand, to be kept in the workspace: messages with text
   * (a reply that failed before its first word is not part of the conversation).
   */
  public PlaytestConversation conversation() {
    return new PlaytestConversation(
        turns.stream().filter(turn -> !turn.text().isEmpty()).map(Turn::message).toList(),
        draft.get(),
        draftRole.get());
  }

  /**
   * Brings back the conversation the workspace kept, unless the user has started another meanwhile;
   * its user messages are routed again when a router is loaded.
   */
  public void restore(PlaytestConversation kept) {
    if (kept.isEmpty() || !conversation().isEmpty()) {
      return;
    }
    for (Message message : kept.messages()) {
      turns.add(Turn.of(nextTurnId++, message.role(), message.content()));
    }
    draftRole.set(kept.draftRole());
    draft.set(kept.draft());
    if (router.isReady()) {
      rerouteAll();
    } else {
      routeSoon();
    }
  }

  /** The user messages so far: the turns a saved test case expects a route for. */
  public List<Turn> userTurns() {
    return turns.stream().filter(Turn::isUser).toList();
  }

  /** A name for the conversation as a test case: its first user message, shortened. */
  public String suggestedCaseName() {
    String first = userTurns().isEmpty() ? "Playtest" : userTurns().get(0).text().strip();
    return first.length() <= CASE_NAME_LENGTH
        ? first
        : first.substring(0, CASE_NAME_LENGTH - 1).strip() + "…";
  }

  /** What the last save did, for the line under the conversation; empty at first. */
  public ReadOnlyStringProperty saveOutcomeProperty() {
    return saveOutcome.getReadOnlyProperty();
  }

  /**
   * Saves the conversation so far as a test case of {@code suiteName} (created when missing); the
   * {@code test} command then checks the router against it.
   *
   * @param expectedRoutes one per user turn, in order: what the router should answer there
   */
  public void saveAsTestCase(String suiteName, String caseName, List<String> expectedRoutes) {
    List<Turn> userTurns = userTurns();
    if (userTurns.isEmpty() || expectedRoutes.size() != userTurns.size()) {
      throw new IllegalArgumentException(
          "one expected route per user turn: " + userTurns.size() + " turns");
    }
    var messages = new ArrayList<CaseMessage>();
    int userTurn = 0;
    for (Turn turn : turns) {
      if (!turn.isUser() && turn.text().isBlank()) {
        continue; // a reply that failed before any text came
      }
      messages.add(
          turn.isUser()
              ? CaseMessage.user(turn.text(), expectedRoutes.get(userTurn++))
              : new CaseMessage(turn.role(), turn.text(), null));
    }
    var testCase =
        new TestCase(UUID.randomUUID().toString(), caseName, List.of("playtest"), "", messages);
    saveOutcome.set("Saving…");
    saver.add(
        suiteName,
        testCase,
        () ->
            saveOutcome.set(
                "Saved “"
                    + caseName
                    + "” to suite “"
                    + suiteName
                    + "”; routebench test runs the suite against a model."),
        failure -> saveOutcome.set("Could not save the test case: " + failure.getMessage()));
  }

  /** Stops listening to the shared router and the document, and drops what is in flight. */
  public void dispose() {
    router.loadedProperty().removeListener(modelChanged);
    editor.documentProperty().removeListener(documentChanged);
    stopReply(); // first: stopping asks for the draft's route again, which is then cancelled
    cancelPending();
    cancelPendingReroute();
    router.cancelDecisions();
  }

  private void modelChanged() {
    // The router cancelled what was in flight for the old model; every route was the old model's.
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      if (turn.isUser() && turn.state() != TurnState.NOT_ROUTED) {
        turns.set(i, turn.decision() == null ? turn.notRouted() : turn.stale());
        requests.remove(turn.id());
      }
    }
    draftRequest = null;
    refreshStaleness();
    routeSoon();
  }

  private void documentChanged(PolicyDocument now) {
    showRouteNames(now);
    // Targets may have changed: decisions keep the router's answer, resolved anew.
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      if (turn.decision() != null) {
        RouteDecision resolved = RouteResolver.resolve(turn.decision().answer(), now);
        if (!resolved.equals(turn.decision())) {
          turns.set(
              i,
              new Turn(
                  turn.id(),
                  turn.role(),
                  turn.text(),
                  turn.state(),
                  resolved,
                  turn.failure(),
                  turn.ask()));
        }
      }
    }
    refreshStaleness();
    routeSoon();
  }

  private void conversationChanged() {
    forgetCleared();
    refreshStaleness();
    routeSoon();
  }

  /**
   * Marks every user message whose request has changed since its decision as stale, and asks for
   * the stale ones again after the typing pause when re-routing is automatic.
   */
  private void refreshStaleness() {
    boolean stale = false;
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
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
        turns.set(i, turn.stale());
        cancelAsk(turn.id());
      }
      stale |= turns.get(i).state() == TurnState.STALE;
    }
    anyStale.set(stale);
    updateRouting();
    updateChosenNode();
    if (stale && autoReroute.get() && router.isReady()) {
      rerouteSoon();
    }
  }

  private void rerouteSoon() {
    cancelPendingReroute();
    pendingReroute =
        timer.schedule(
            TYPING_PAUSE,
            () -> {
              pendingReroute = null;
              rerouteStale();
            });
  }

  private void routeTurn(int index) {
    if (!router.isReady()) {
      return;
    }
    ask(turns.get(index).id(), requestFor(index));
  }

  private void ask(long turnId, RouteRequest request) {
    long thisAsk = nextAsk++;
    Turn turn = find(turnId);
    if (turn == null) {
      return;
    }
    requests.put(turnId, request);
    replace(turnId, turn.asking(thisAsk));
    updateRouting();
    cancelAsk(turnId);
    CancellationToken cancellation =
        router.decideSent(
            request,
            new DecisionReport(
                answer -> answered(turnId, thisAsk, answer),
                () -> cancelledTurn(turnId, thisAsk),
                error -> failedTurn(turnId, thisAsk, error)));
    if (find(turnId) != null && find(turnId).routing()) {
      pendingAsks.put(turnId, cancellation);
    }
  }

  /** Drops the decision a message waits for: its text, context or policies changed again. */
  private void cancelAsk(long turnId) {
    CancellationToken pending = pendingAsks.remove(turnId);
    if (pending != null) {
      pending.cancel();
    }
  }

  private void answered(long turnId, long thisAsk, RouterAnswer answer) {
    Turn turn = find(turnId);
    if (turn == null || turn.ask() != thisAsk || turn.state() != TurnState.ROUTING) {
      return; // superseded by a later ask, an edit or a delete
    }
    pendingAsks.remove(turnId);
    // Resolved against the document as it is now: only the targets can differ, not the request.
    RouteDecision made = RouteResolver.resolve(answer, editor.document());
    replace(turnId, turn.decided(made));
    RouteRequest request = requests.get(turnId);
    if (request != null) {
      turnDetails.put(turnId, router.explain(request, made));
      showDetails();
    }
    refreshStaleness();
  }

  private void cancelledTurn(long turnId, long thisAsk) {
    Turn turn = find(turnId);
    if (turn != null && turn.ask() == thisAsk && turn.state() == TurnState.ROUTING) {
      pendingAsks.remove(turnId);
      replace(turnId, turn.decision() == null ? turn.notRouted() : turn.stale());
      requests.remove(turnId);
      refreshStaleness();
    }
  }

  private void failedTurn(long turnId, long thisAsk, RuntimeException error) {
    Turn turn = find(turnId);
    if (turn != null && turn.ask() == thisAsk && turn.state() == TurnState.ROUTING) {
      pendingAsks.remove(turnId);
      replace(turnId, turn.failed("The router failed: " + describe(error)));
      refreshStaleness();
    }
  }

  private RouteRequest requestFor(int index) {
    var conversation = new ArrayList<Message>();
    for (int i = 0; i <= index; i++) {
      conversation.add(turns.get(i).message());
    }
    return request(editor.document(), conversation);
  }

  private Turn find(long turnId) {
    for (Turn turn : turns) {
      if (turn.id() == turnId) {
        return turn;
      }
    }
    return null;
  }

  private void replace(long turnId, Turn with) {
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).id() == turnId) {
        turns.set(i, with);
        return;
      }
    }
  }

  private void forgetCleared() {
    if (!cleared.get().isEmpty()) {
      cleared.set(List.of());
    }
  }

  private static RouteRequest request(PolicyDocument document, List<Message> conversation) {
    return RouteRequest.of(document, conversation);
  }

  private void showRouteNames(PolicyDocument document) {
    var names = new ArrayList<String>();
    RouteOption.allOf(document).forEach(route -> names.add(route.name()));
    names.add(RouteNames.OTHER);
    if (!names.equals(routeNames)) {
      routeNames.setAll(names);
    }
  }

  private void routeSoon() {
    cancelPending();
    if (!router.isReady()) {
      showNothing("Load a router model to see the route of each message as you type it.");
      return;
    }
    if (draftRole.get() == Role.ASSISTANT) {
      showNothing("An assistant reply is not routed: it shapes how the next user message is read.");
      return;
    }
    if (draft.get().isBlank()) {
      showNothing("Type a user message: its route appears as you type.");
      return;
    }
    if (decision.get() != null) {
      setState(PlaytestState.SUPERSEDED);
    }
    pendingDecision = timer.schedule(TYPING_PAUSE, this::routeNow);
  }

  private void routeNow() {
    pendingDecision = null;
    PolicyDocument document = editor.document();
    var conversation = new ArrayList<Message>();
    turns.forEach(turn -> conversation.add(turn.message()));
    conversation.add(Message.user(draft.get()));
    RouteRequest request = request(document, conversation);
    RouteDecision shown = decision.get();
    if (shown != null && request.equals(draftRequest)) {
      // Only something the router does not read changed (a target, say): no need to ask again.
      decided(RouteResolver.resolve(shown.answer(), document));
      return;
    }
    draftRequest = request;
    long thisAsk = ++liveAsk;
    setState(PlaytestState.ROUTING);
    status.set("Routing…");
    router.decideLive(
        request,
        new DecisionReport(
            preview -> {
              if (thisAsk == liveAsk && state.get() == PlaytestState.ROUTING) {
                // Provisional: constrained decoding can only name a route; the exact answer
                // (free decoding, as production decodes) follows and confirms or corrects it.
                decision.set(RouteResolver.resolve(preview, editor.document()));
                status.set("Preview (constrained decoding); the exact answer follows…");
                updateChosenNode();
              }
            },
            answer -> {
              if (thisAsk == liveAsk) {
                RouteDecision made = RouteResolver.resolve(answer, editor.document());
                draftDetails = router.explain(request, made);
                decided(made);
                showDetails();
              }
            },
            () -> {
              if (thisAsk == liveAsk && state.get() == PlaytestState.ROUTING) {
                // Cancelled by the user or by a model change, not by a newer request.
                draftRequest = null;
                setState(decision.get() == null ? PlaytestState.IDLE : PlaytestState.SUPERSEDED);
                status.set("Cancelled. Edit the message to route it again.");
              }
            },
            error -> {
              if (thisAsk == liveAsk) {
                failed(error);
              }
            }));
  }

  private void decided(RouteDecision made) {
    decision.set(made);
    status.set("");
    setState(PlaytestState.DECIDED);
  }

  private void failed(RuntimeException error) {
    decision.set(null);
    status.set("The router failed: " + describe(error));
    setState(PlaytestState.FAILED);
  }

  private static String describe(RuntimeException error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }

  private void showNothing(String why) {
    router.cancelLive();
    liveAsk++;
    draftRequest = null;
    draftDetails = null;
    showDetails();
    decision.set(null);
    status.set(why);
    setState(PlaytestState.IDLE);
  }

  private void showDetails() {
    DecisionDetails shown =
        selectedTurn != null && find(selectedTurn) != null
            ? turnDetails.get(selectedTurn)
            : draftDetails;
    if (!Objects.equals(shown, details.get())) {
      details.set(shown);
    }
  }

  private void setState(PlaytestState next) {
    state.set(next);
    updateRouting();
    updateChosenNode();
  }

  private void updateRouting() {
    routing.set(state.get() == PlaytestState.ROUTING || turns.stream().anyMatch(Turn::routing));
  }

  /** The draft's route while there is one; otherwise the last user message's, unless stale. */
  private void updateChosenNode() {
    RouteDecision shown = decision.get();
    if (shown == null) {
      for (int i = turns.size() - 1; i >= 0 && shown == null; i--) {
        Turn turn = turns.get(i);
        if (turn.isUser()) {
          shown = turn.state() == TurnState.DECIDED ? turn.decision() : null;
          break;
        }
      }
    }
    RoutingPolicy policy = shown == null ? null : shown.policy();
    ChosenNode node = policy == null ? null : new ChosenNode(policy.domainId(), policy.actionId());
    if (!Objects.equals(node, chosenNode.get())) {
      chosenNode.set(node);
    }
  }

  private void cancelPending() {
    if (pendingDecision != null) {
      pendingDecision.cancel();
      pendingDecision = null;
    }
  }

  private void cancelPendingReroute() {
    if (pendingReroute != null) {
      pendingReroute.cancel();
      pendingReroute = null;
    }
  }
}
