package io.routebench.app.playtest;

import io.routebench.app.routing.DecisionWords;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.UiTimer;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.LiveRoutingSession;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.prompt.DecisionExplainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A conversation played against the workspace's policies, routed live: while the user types the
 * next message, the loaded router decides after each pause in typing, and a newer decision
 * supersedes the one in flight ({@link LiveRoutingSession}), so the route shown is always the one
 * for the text as it stands. Editing a policy re-routes the message too.
 *
 * <p>Confined to the UI thread; decisions run on the router's engine thread.
 */
public final class PlaytestViewModel {

  /** How long typing must pause before the router is asked. */
  static final Duration TYPING_PAUSE = Duration.ofMillis(250);

  /**
   * A message of the conversation so far.
   *
   * @param route for user messages, the route decided for exactly this text, or {@code null}
   * @param routing whether that decision is still being made
   */
  public record Turn(Role role, String text, String route, boolean routing) {

    public Turn(Role role, String text, String route) {
      this(role, text, route, false);
    }

    Turn decided(String decidedRoute) {
      return new Turn(role, text, decidedRoute, false);
    }
  }

  /** Stores a conversation as a test case; the workspace session writes it to the file. */
  @FunctionalInterface
  public interface CaseSaver {
    void add(String suiteName, TestCase testCase, Runnable saved, Consumer<Throwable> failed);
  }

  /** The suite a saved conversation goes to unless the user names another. */
  public static final String DEFAULT_SUITE = "Playtests";

  private static final int CASE_NAME_LENGTH = 60;

  private final DocumentEditor editor;
  private final LocalRouter router;
  private final CaseSaver saver;
  private final UiTimer timer;
  private final Executor ui;
  private final ObservableList<Turn> turns = FXCollections.observableArrayList();
  private final ObservableList<String> routeNames = FXCollections.observableArrayList();
  private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
  private final ReadOnlyObjectWrapper<RouteDecision> decision =
      new ReadOnlyObjectWrapper<>(this, "decision");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper routing = new ReadOnlyBooleanWrapper(this, "routing");
  private final ReadOnlyStringWrapper saveOutcome =
      new ReadOnlyStringWrapper(this, "saveOutcome", "");
  private final ReadOnlyObjectWrapper<DecisionDetails> details =
      new ReadOnlyObjectWrapper<>(this, "details");

  /** Why each routed user turn got its route; by identity, as equal texts may differ in context. */
  private final Map<Turn, DecisionDetails> turnDetails = new IdentityHashMap<>();

  private DecisionDetails draftDetails;
  private Turn selectedTurn;
  private final ChangeListener<LocalRouter.Loaded> modelChanged =
      (obs, old, now) -> modelChanged(now);

  private LiveRoutingSession session;
  private RouteSelector model;

  /** Cancels the decisions for sent messages still waiting: on clear, model change, dispose. */
  private CancellationToken sentTurns = new CancellationToken();

  private UiTimer.Scheduled pendingDecision;

  /** The draft text the shown decision was made for. */
  private String decidedFor;

  /**
   * @param saver stores conversations as test cases
   * @param saver stores conversations as test cases
   * @param timer waits for a pause in typing
   * @param ui runs the router's answers on the UI thread ({@code Platform::runLater})
   */
  public PlaytestViewModel(
      DocumentEditor editor, LocalRouter router, CaseSaver saver, UiTimer timer, Executor ui) {
    this.editor = editor;
    this.router = router;
    this.saver = saver;
    this.timer = timer;
    this.ui = ui;
    draft.addListener((obs, old, now) -> routeSoon());
    editor
        .documentProperty()
        .addListener(
            (obs, old, now) -> {
              showRouteNames(now);
              routeSoon();
            });
    router.loadedProperty().addListener(modelChanged);
    showRouteNames(editor.document());
    modelChanged(router.loadedProperty().get());
  }

  public ObservableList<Turn> turns() {
    return FXCollections.unmodifiableObservableList(turns);
  }

  /** The routes the router chooses from, in prompt order, and {@code other}. */
  public ObservableList<String> routeNames() {
    return FXCollections.unmodifiableObservableList(routeNames);
  }

  /** The next user message, as typed so far. */
  public StringProperty draftProperty() {
    return draft;
  }

  /** The decision for the draft as it stands, or {@code null} while there is none. */
  public ReadOnlyObjectProperty<RouteDecision> decisionProperty() {
    return decision.getReadOnlyProperty();
  }

  /**
   * The why of the decision the user looks at: the selected user turn's, or, with no user turn
   * selected, the draft's; {@code null} when that has no decision.
   */
  public ReadOnlyObjectProperty<DecisionDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** The turn selected in the conversation, or {@code null}: its decision is the one explained. */
  public void selectTurn(Turn turn) {
    selectedTurn = turn;
    showDetails();
  }

  /** What the playtest is waiting for, or what went wrong; empty when a decision is shown. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether the router is working on the draft. */
  public ReadOnlyBooleanProperty routingProperty() {
    return routing.getReadOnlyProperty();
  }

  /** The route shown as chosen, the way the route list names it, or {@code null}. */
  public String chosenRoute() {
    RouteDecision shown = decision.get();
    return shown == null ? null : shown.effectiveRoute();
  }

  /** Why this route, then where the time went, one line each. */
  public String describe(RouteDecision shown) {
    return DecisionWords.outcome(shown) + "\n" + DecisionWords.timing(shown.answer().timing());
  }

  /** Adds the draft as the user's message, with the route decided for it, and clears the draft. */
  public void sendAsUser() {
    String text = draft.get();
    if (text.isBlank()) {
      return;
    }
    String route = text.equals(decidedFor) ? chosenRoute() : null;
    // Sent before its route was decided: it keeps its own decision, which typing the next
    // message does not supersede.
    boolean decideNow = route == null && model != null;
    var turn = new Turn(Role.USER, text, route, decideNow);
    if (route != null) {
      turnDetails.put(turn, draftDetails);
    }
    turns.add(turn);
    draft.set("");
    if (decideNow) {
      routeSentTurn(turn);
    }
  }

  /** Adds the draft as the assistant's reply (it shapes how the next user message is read). */
  public void addAssistantReply() {
    String text = draft.get();
    if (text.isBlank()) {
      return;
    }
    turns.add(new Turn(Role.ASSISTANT, text, null));
    draft.set("");
  }

  public void clearConversation() {
    cancelSentTurns();
    turns.clear();
    turnDetails.clear();
    selectTurn(null);
    routeSoon();
  }

  /** The user messages so far: the turns a saved test case expects a route for. */
  public List<Turn> userTurns() {
    return turns.stream().filter(turn -> turn.role() == Role.USER).toList();
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
      messages.add(
          turn.role() == Role.USER
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

  /** Stops listening to the shared router and drops any decision in flight. */
  public void dispose() {
    router.loadedProperty().removeListener(modelChanged);
    cancelPending();
    cancelSentTurns();
    if (session != null) {
      session.cancel();
    }
  }

  private void modelChanged(LocalRouter.Loaded loaded) {
    if (session != null) {
      session.cancel();
    }
    cancelSentTurns();
    model = loaded == null ? null : loaded.selector();
    session = model == null ? null : new LiveRoutingSession(model, router.engine());
    routeSoon();
  }

  private void routeSentTurn(Turn turn) {
    PolicyDocument document = editor.document();
    var request =
        request(document, turns.stream().map(t -> new Message(t.role(), t.text())).toList());
    RouteSelector selector = model;
    CancellationToken cancellation = sentTurns;
    router
        .engine()
        .execute(
            () -> {
              DecisionDetails why = null;
              try {
                cancellation.throwIfCancelled();
                why =
                    DecisionExplainer.explain(
                        request,
                        RouteResolver.resolve(selector.select(request, cancellation), document),
                        selector);
              } catch (RuntimeException e) {
                // Cancelled (the conversation was cleared or the model changed) or failed: the
                // message stays unrouted, as when no model is loaded.
              }
              DecisionDetails decided = why;
              ui.execute(() -> decidedSentTurn(turn, decided));
            });
  }

  private void decidedSentTurn(Turn turn, DecisionDetails why) {
    Turn decided = turn.decided(why == null ? null : why.decision().effectiveRoute());
    if (why != null) {
      turnDetails.put(decided, why);
    }
    replace(turn, decided);
    if (selectedTurn == turn) {
      selectTurn(decided);
    }
  }

  private void replace(Turn turn, Turn with) {
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i) == turn) {
        turns.set(i, with);
        return;
      }
    }
  }

  private void cancelSentTurns() {
    sentTurns.cancel();
    sentTurns = new CancellationToken();
  }

  private static RouteRequest request(PolicyDocument document, List<Message> conversation) {
    return new RouteRequest(RouteOption.allOf(document), conversation, document.profile());
  }

  private void showRouteNames(PolicyDocument document) {
    var names = new ArrayList<>(RouteOrder.routeNames(document));
    names.add(RouteNames.OTHER);
    if (!names.equals(routeNames)) {
      routeNames.setAll(names);
    }
  }

  private void routeSoon() {
    cancelPending();
    if (session == null) {
      showNothing("Load a router model to see the route of each message as you type it.");
      return;
    }
    if (draft.get().isBlank()) {
      showNothing("Type a user message: its route appears as you type.");
      return;
    }
    pendingDecision = timer.schedule(TYPING_PAUSE, this::routeNow);
  }

  private void routeNow() {
    pendingDecision = null;
    PolicyDocument document = editor.document();
    String text = draft.get();
    var conversation = new ArrayList<Message>();
    for (Turn turn : turns) {
      conversation.add(new Message(turn.role(), turn.text()));
    }
    conversation.add(Message.user(text));
    var request = request(document, conversation);
    RouteSelector selector = model;
    routing.set(true);
    status.set("Routing…");
    session.submit(
        request,
        LiveRoutingSession.LiveRoutingListener.of(
            preview -> ui.execute(() -> previewed(RouteResolver.resolve(preview, document), text)),
            answer -> {
              // Explained on the engine thread: the selector is not shared with the UI thread.
              DecisionDetails why =
                  DecisionExplainer.explain(
                      request, RouteResolver.resolve(answer, document), selector);
              ui.execute(() -> decided(why, text));
            },
            () -> {},
            error -> ui.execute(() -> failed(error))));
  }

  /** A provisional route while the exact answer is decoded; routing goes on. */
  private void previewed(RouteDecision preview, String text) {
    decision.set(preview);
    status.set("Preview (constrained decoding); the exact answer follows…");
  }

  private void decided(DecisionDetails why, String text) {
    routing.set(false);
    decidedFor = text;
    draftDetails = why;
    decision.set(why.decision());
    status.set("");
    showDetails();
  }

  private void failed(RuntimeException error) {
    routing.set(false);
    decision.set(null);
    draftDetails = null;
    showDetails();
    status.set("The router failed: " + error.getMessage());
  }

  private void showNothing(String why) {
    if (session != null) {
      session.cancel();
    }
    routing.set(false);
    decision.set(null);
    decidedFor = null;
    draftDetails = null;
    showDetails();
    status.set(why);
  }

  private void showDetails() {
    boolean userTurn = selectedTurn != null && selectedTurn.role() == Role.USER;
    details.set(userTurn ? turnDetails.get(selectedTurn) : draftDetails);
  }

  private void cancelPending() {
    if (pendingDecision != null) {
      pendingDecision.cancel();
      pendingDecision = null;
    }
  }
}
