package io.routebench.app.playtest;

import static io.routebench.app.forms.Forms.help;

import io.routebench.app.decision.DecisionDetailsView;
import io.routebench.app.decision.DecisionDetailsViewModel;
import io.routebench.app.routing.DecisionWords;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.taxonomy.ModelTarget;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The playtest: the router model bar on top, the conversation (each user message with its route
 * chip, every message editable in place) and the message being typed, and beside them the route the
 * router picks for that message, highlighted among all routes, above a slot for more about the
 * decision.
 */
public final class PlaytestView {

  static final KeyCombination SEND =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  private final PlaytestViewModel viewModel;
  private final ListView<String> routes = new ListView<>();
  private final ListView<Turn> turns;
  private final BorderPane root = new BorderPane();

  /**
   * @param modelBar the router model picker, shared by every workspace
   */
  public PlaytestView(PlaytestViewModel viewModel, Node modelBar) {
    this.viewModel = viewModel;
    turns = new ListView<>(viewModel.turns());
    var split = new SplitPane(conversationPane(), decisionPane());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.62);
    root.setTop(modelBar);
    root.setCenter(withWhyPanel(split));
  }

  public Node root() {
    return root;
  }

  /** The why panel under the playtest, showing {@link PlaytestViewModel#detailsProperty()}. */
  private Node withWhyPanel(Node playtest) {
    var why = new DecisionDetailsViewModel();
    why.detailsProperty().bind(viewModel.detailsProperty());
    Node whyPanel = new DecisionDetailsView(why).root();
    var vertical = new SplitPane(playtest, whyPanel);
    vertical.setOrientation(Orientation.VERTICAL);
    // The conversation is what the user works in; the why panel is looked at now and then. A
    // taller window gives its height to the conversation.
    vertical.setDividerPositions(0.8);
    SplitPane.setResizableWithParent(whyPanel, false);
    return vertical;
  }

  private Node conversationPane() {
    turns.setId("playtestTurns");
    turns.setEditable(true);
    var empty = new Label("The conversation so far. Type a message below: its route shows beside.");
    empty.setWrapText(true);
    empty.getStyleClass().add("placeholder");
    turns.setPlaceholder(empty);
    turns.setMinHeight(90);
    turns.setCellFactory(list -> new TurnCell());
    turns
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> viewModel.selectTurn(now));
    VBox.setVgrow(turns, Priority.ALWAYS);

    var rerouteAll = new Button("Re-route all");
    rerouteAll.setId("playtestRerouteAllButton");
    rerouteAll.setTooltip(new Tooltip("Ask the router again for every user message"));
    rerouteAll.setOnAction(e -> viewModel.rerouteAll());
    rerouteAll.disableProperty().bind(Bindings.isEmpty(viewModel.turns()));
    var auto = new CheckBox("Re-route on changes");
    auto.setTooltip(
        new Tooltip(
            "Route messages again when the policies, the profile or earlier messages change"));
    auto.setId("playtestAutoRerouteCheckBox");
    auto.selectedProperty().bindBidirectional(viewModel.autoRerouteProperty());
    var stale = new Hyperlink("Stale routes: re-route them");
    stale.setId("playtestRerouteStaleLink");
    stale.setOnAction(e -> viewModel.rerouteStale());
    stale.visibleProperty().bind(viewModel.anyStaleProperty());
    stale.managedProperty().bind(stale.visibleProperty());
    var conversationBar = new FlowPane(8, 4, rerouteAll, auto, stale);
    conversationBar.setAlignment(Pos.CENTER_LEFT);

    var draft = new TextArea();
    draft.setId("playtestDraft");
    draft.setWrapText(true);
    draft.setPrefRowCount(3);
    draft
        .promptTextProperty()
        .bind(
            viewModel
                .draftRoleProperty()
                .map(
                    role ->
                        role == Role.ASSISTANT
                            ? "Assistant reply (not routed)…"
                            : "Next user message…"));
    draft.textProperty().bindBidirectional(viewModel.draftProperty());
    // Back at the draft, the why panel explains the draft's decision again.
    draft
        .focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (now) {
                turns.getSelectionModel().clearSelection();
              }
            });
    draft.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (SEND.match(event)) {
            viewModel.send();
            event.consume();
          }
        });

    var asUser = new ToggleButton("User");
    asUser.setId("playtestDraftAsUser");
    var asAssistant = new ToggleButton("Assistant");
    asAssistant.setId("playtestDraftAsAssistant");
    var roles = new ToggleGroup();
    asUser.setToggleGroup(roles);
    asAssistant.setToggleGroup(roles);
    asUser.setSelected(true);
    roles
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                old.setSelected(true); // one of the two is always chosen
              } else {
                viewModel.draftRoleProperty().set(now == asUser ? Role.USER : Role.ASSISTANT);
              }
            });
    viewModel
        .draftRoleProperty()
        .addListener(
            (obs, old, now) -> (now == Role.ASSISTANT ? asAssistant : asUser).setSelected(true));
    var typing = new Label("Typing as");
    var send = new Button();
    send.setId("playtestSendButton");
    send.textProperty()
        .bind(
            viewModel
                .draftRoleProperty()
                .map(role -> role == Role.ASSISTANT ? "Add reply" : "Send as user"));
    send.setOnAction(e -> viewModel.send());
    send.disableProperty().bind(viewModel.draftProperty().isEmpty());
    var simulate = new Button("Simulate reply");
    simulate.setId("playtestSimulateReplyButton");
    simulate.setTooltip(
        new Tooltip("Add an assistant turn standing in for the routed model's reply"));
    simulate.setOnAction(e -> viewModel.simulateReply());
    simulate
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> viewModel.lastRoutedModel() == null, viewModel.turns()));
    var draftBar =
        new FlowPane(6, 4, typing, asUser, asAssistant, send, simulate, askButton(), stopButton());
    draftBar.setAlignment(Pos.CENTER_LEFT);

    var save = new Button("Save as test case…");
    save.setId("playtestSaveButton");
    save.setOnAction(
        e ->
            new SaveTestCaseDialog(viewModel)
                .ask(root.getScene().getWindow())
                .ifPresent(
                    answers ->
                        viewModel.saveAsTestCase(
                            answers.suite(), answers.name(), answers.expectedRoutes())));
    save.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> viewModel.userTurns().isEmpty(), viewModel.turns()));
    var clear = new Button("Clear");
    clear.setId("playtestClearButton");
    clear.setOnAction(e -> viewModel.clearConversation());
    clear.disableProperty().bind(Bindings.isEmpty(viewModel.turns()));
    var undoClear = new Hyperlink("Conversation cleared: undo");
    undoClear.setId("playtestUndoClearLink");
    undoClear.setOnAction(e -> viewModel.undoClear());
    undoClear.visibleProperty().bind(viewModel.clearedProperty().map(list -> !list.isEmpty()));
    undoClear.managedProperty().bind(undoClear.visibleProperty());
    var saved = new Label();
    saved.setId("playtestSaveOutcome");
    saved.setWrapText(true);
    saved.setMinHeight(Region.USE_PREF_SIZE);
    saved.textProperty().bind(viewModel.saveOutcomeProperty());
    conversationBar.getChildren().addAll(save, clear, undoClear);

    var pane =
        new VBox(
            6,
            turns,
            conversationBar,
            draft,
            draftBar,
            saved,
            help(
                "Ctrl+Enter sends. Double-click a message to edit it; right-click to insert,"
                    + " move or delete."));
    for (Node wrapping : pane.getChildren()) {
      if (wrapping instanceof Label label) {
        label.setMinHeight(Region.USE_PREF_SIZE);
      }
    }
    pane.setPadding(new Insets(10));
    pane.setMinWidth(300);
    return pane;
  }

  /**
   * Streams a real reply from the target the last message was routed to. A disabled button shows no
   * tooltip, so the reason it is disabled sits on a wrapper around it.
   */
  private Node askButton() {
    var ask = new Button();
    ask.setId("playtestAskTargetButton");
    ask.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  var target = viewModel.lastRoutedTarget();
                  return target == null ? "Ask the target" : "Ask " + target.label();
                },
                viewModel.turns()));
    ask.setOnAction(e -> viewModel.askTarget());
    var why =
        Bindings.createStringBinding(
            () -> {
              String blocked = viewModel.whyNoReply();
              if (blocked != null) {
                return blocked;
              }
              var target = viewModel.lastRoutedTarget();
              return "Stream the reply of "
                  + target.label()
                  + " ("
                  + target.baseUrl()
                  + ") to the conversation so far; Esc stops it";
            },
            viewModel.turns(),
            viewModel.replyingProperty());
    ask.disableProperty().bind(why.map(text -> viewModel.whyNoReply() != null));
    var tooltip = new Tooltip();
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(420);
    tooltip.textProperty().bind(why);
    var wrapper = new HBox(ask);
    Tooltip.install(wrapper, tooltip);
    return wrapper;
  }

  private Node stopButton() {
    var stop = new Button("Stop reply");
    stop.setId("playtestStopReplyButton");
    stop.setTooltip(new Tooltip("Stop the reply streaming in; it keeps what came (Esc)"));
    stop.setOnAction(e -> viewModel.stopReply());
    stop.visibleProperty().bind(viewModel.replyingProperty());
    stop.managedProperty().bind(stop.visibleProperty());
    root.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          // A message being edited takes its own Esc (cancel the edit).
          if (event.getCode() == KeyCode.ESCAPE
              && viewModel.replyingProperty().get()
              && turns.getEditingIndex() < 0) {
            viewModel.stopReply();
            event.consume();
          }
        });
    return stop;
  }

  private Node decisionPane() {
    var route = new Label();
    route.setId("playtestRouteLabel");
    route.getStyleClass().add("playtest-route");
    var target = new Label();
    target.setId("playtestTargetLabel");
    var details = new Label();
    details.setWrapText(true);
    details.getStyleClass().add("help");
    var status = new Label();
    status.setId("playtestStatusLabel");
    status.setWrapText(true);
    for (Label wrapping : new Label[] {details, status}) {
      // In a VBox a wrapping label is otherwise squeezed to one line and cut off.
      wrapping.setMinHeight(Region.USE_PREF_SIZE);
    }
    status.textProperty().bind(viewModel.statusProperty());
    var spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    var elapsed = new Label();
    elapsed.setId("playtestElapsedLabel");
    elapsed.getStyleClass().add("help");
    var cancel = new Button("Cancel");
    cancel.setId("playtestCancelButton");
    cancel.setOnAction(e -> viewModel.cancelRouting());
    for (Node busy : new Node[] {spinner, elapsed, cancel}) {
      busy.visibleProperty().bind(viewModel.routingProperty());
      busy.managedProperty().bind(busy.visibleProperty());
    }
    showElapsed(elapsed);
    viewModel
        .decisionProperty()
        .addListener(
            (obs, old, now) -> {
              show(now, route, target, details);
              routes.refresh();
              if (now != null) {
                routes.scrollTo(now.effectiveRoute());
              }
            });
    viewModel
        .stateProperty()
        .addListener(
            (obs, old, now) -> {
              route.getStyleClass().remove("superseded");
              if (now == PlaytestState.SUPERSEDED || now == PlaytestState.ROUTING) {
                route.getStyleClass().add("superseded");
              }
            });
    show(viewModel.decisionProperty().get(), route, target, details);

    routes.setId("playtestRoutes");
    routes.setItems(viewModel.routeNames());
    routes.setFocusTraversable(false);
    routes.setCellFactory(list -> routeCell());
    routes.setPrefHeight(160);
    VBox.setVgrow(routes, Priority.SOMETIMES);

    var heading = new Label("Route");
    heading.getStyleClass().add("details-heading");
    var busyLine = new HBox(8, heading, spinner, elapsed, cancel);
    busyLine.setAlignment(Pos.CENTER_LEFT);
    var pane =
        new VBox(
            6,
            busyLine,
            route,
            target,
            details,
            status,
            new Label("All routes, in prompt order:"),
            routes);
    pane.setPadding(new Insets(10));
    pane.setMinWidth(200);
    return pane;
  }

  /** Counts the seconds of the decision under way, so that a slow model shows it is working. */
  private void showElapsed(Label elapsed) {
    var startedAt = new long[1];
    var tick =
        new Timeline(
            new KeyFrame(
                Duration.millis(100),
                e ->
                    elapsed.setText(
                        String.format(
                            Locale.ROOT,
                            "%.1f s",
                            (System.nanoTime() - startedAt[0]) / 1_000_000_000.0))));
    tick.setCycleCount(Animation.INDEFINITE);
    viewModel
        .routingProperty()
        .addListener(
            (obs, was, now) -> {
              if (now) {
                startedAt[0] = System.nanoTime();
                elapsed.setText("0.0 s");
                tick.play();
              } else {
                tick.stop();
              }
            });
  }

  private void show(RouteDecision decision, Label route, Label target, Label details) {
    if (decision == null) {
      route.setText("—");
      target.setText("");
      details.setText("");
      return;
    }
    route.setText(decision.effectiveRoute());
    target.setText(
        decision.outcome().failsRequest()
            ? "→ nowhere: the proxy answers HTTP 500"
            : "→ " + decision.targetModel().map(t -> t.model()).orElse("no default target"));
    details.setText(viewModel.describe(decision));
  }

  private ListCell<String> routeCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(String name, boolean empty) {
        super.updateItem(name, empty);
        getStyleClass().remove("chosen-route");
        if (empty || name == null) {
          setText(null);
          return;
        }
        setText(name);
        if (name.equals(viewModel.chosenRoute())) {
          getStyleClass().add("chosen-route");
        }
      }
    };
  }

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

  private static String summary(RouteDecision decision) {
    return decision.effectiveRoute()
        + " → "
        + decision.targetModel().map(t -> t.model()).orElse("no default target")
        + " · "
        + DecisionWords.outcome(decision)
        + " · "
        + String.format(Locale.ROOT, "%.2f s", decision.answer().timing().totalMillis() / 1000.0);
  }

  /** A message: who, the route chip of a user message, the text; edited in place. */
  private final class TurnCell extends ListCell<Turn> {

    private final Label who = new Label();
    private final Label chip = new Label();
    private final Label text = new Label();
    private final ProgressIndicator replyingSpinner = new ProgressIndicator();
    private final Hyperlink replyAction = new Hyperlink();
    private final HBox header = new HBox(8, who, replyingSpinner, chip, replyAction);
    private final VBox content = new VBox(2, header, text);
    private final TextArea editor = new TextArea();

    TurnCell() {
      who.getStyleClass().add("turn-who");
      chip.getStyleClass().add("route-chip");
      chip.setId(null);
      text.setWrapText(true);
      text.getStyleClass().add("turn-text");
      chip.setMinWidth(0);
      chip.setWrapText(true);
      header.setAlignment(Pos.CENTER_LEFT);
      replyingSpinner.setPrefSize(14, 14);
      replyingSpinner.setMinSize(14, 14);
      replyAction.getStyleClass().add("reply-action");
      replyAction.setMinWidth(Region.USE_PREF_SIZE);
      replyAction.setOnAction(
          e -> {
            if (getItem() != null && getItem().replying()) {
              viewModel.stopReply();
            } else {
              viewModel.retryReply(getIndex());
            }
          });
      editor.setWrapText(true);
      editor.setPrefRowCount(3);
      editor.addEventFilter(
          KeyEvent.KEY_PRESSED,
          event -> {
            if (SEND.match(event)) {
              commitEdit(getItem());
              event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
              cancelEdit();
              event.consume();
            }
          });
      setPrefWidth(0);
      setContextMenu(contextMenu());
    }

    @Override
    protected void updateItem(Turn turn, boolean empty) {
      super.updateItem(turn, empty);
      getStyleClass().removeAll("user-turn", "assistant-turn");
      chip.getStyleClass().removeAll("chip-routing", "chip-stale", "chip-failed", "chip-none");
      setText(null);
      if (empty || turn == null) {
        setGraphic(null);
        return;
      }
      if (isEditing()) {
        setGraphic(editor);
        return;
      }
      getStyleClass().add(turn.isUser() ? "user-turn" : "assistant-turn");
      who.setText(turn.isUser() ? "You" : "Assistant");
      text.setText(turn.text());
      String replyChip = turn.isUser() ? null : replyChipText(turn, viewModel.replyTarget(turn));
      boolean chipShown = turn.isUser() || replyChip != null;
      chip.setVisible(chipShown);
      chip.setManaged(chipShown);
      show(replyingSpinner, turn.replying());
      show(
          replyAction,
          turn.replying()
              || turn.state() == TurnState.STOPPED
              || turn.state() == TurnState.REPLY_FAILED);
      replyAction.setText(turn.replying() ? "Stop" : "Retry");
      if (!turn.isUser()) {
        chip.setText(replyChip);
        switch (turn.state()) {
          case REPLYING -> chip.getStyleClass().add("chip-routing");
          case STOPPED -> chip.getStyleClass().add("chip-stale");
          case REPLY_FAILED -> chip.getStyleClass().add("chip-failed");
          default -> {
            // The plain chip.
          }
        }
        text.setText(turn.text().isEmpty() && turn.replying() ? "…" : turn.text());
      }
      if (turn.isUser()) {
        chip.setText(chipText(turn));
        switch (turn.state()) {
          case ROUTING -> chip.getStyleClass().add("chip-routing");
          case STALE -> chip.getStyleClass().add("chip-stale");
          case FAILED -> chip.getStyleClass().add("chip-failed");
          case NOT_ROUTED -> chip.getStyleClass().add("chip-none");
          case DECIDED, REPLYING, STOPPED, REPLY_FAILED -> {
            // The plain chip.
          }
        }
      }
      setGraphic(content);
    }

    private static void show(Node node, boolean shown) {
      node.setVisible(shown);
      node.setManaged(shown);
    }

    @Override
    public void startEdit() {
      if (getItem() == null || getItem().replying()) {
        return; // a reply streaming in is stopped before it is edited
      }
      super.startEdit();
      editor.setText(getItem().text());
      setGraphic(editor);
      editor.requestFocus();
      editor.selectAll();
    }

    @Override
    public void cancelEdit() {
      super.cancelEdit();
      updateItem(getItem(), getItem() == null);
    }

    @Override
    public void commitEdit(Turn turn) {
      int index = getIndex();
      String edited = editor.getText();
      super.cancelEdit();
      viewModel.editTurn(index, edited);
    }

    private ContextMenu contextMenu() {
      var edit = new MenuItem("Edit");
      edit.setOnAction(e -> getListView().edit(getIndex()));
      var insertUser = new MenuItem("Insert user message before");
      insertUser.setOnAction(e -> insertBefore(Role.USER));
      var insertAssistant = new MenuItem("Insert assistant message before");
      insertAssistant.setOnAction(e -> insertBefore(Role.ASSISTANT));
      var up = new MenuItem("Move up");
      up.setOnAction(e -> viewModel.moveTurn(getIndex(), -1));
      var down = new MenuItem("Move down");
      down.setOnAction(e -> viewModel.moveTurn(getIndex(), +1));
      var delete = new MenuItem("Delete");
      delete.setOnAction(e -> viewModel.deleteTurn(getIndex()));
      return new ContextMenu(
          edit,
          insertUser,
          insertAssistant,
          new SeparatorMenuItem(),
          up,
          down,
          new SeparatorMenuItem(),
          delete);
    }

    private void insertBefore(Role role) {
      int index = getIndex();
      viewModel.insertTurn(index, role, role == Role.USER ? "New user message" : "New reply");
      getListView().edit(index);
    }
  }
}
