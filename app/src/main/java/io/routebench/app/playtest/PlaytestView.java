package io.routebench.app.playtest;

import static io.routebench.app.forms.Forms.help;

import io.routebench.app.decision.DecisionDetailsView;
import io.routebench.app.decision.DecisionDetailsViewModel;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.RouteDecision;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The playtest tab: the router model bar on top, the conversation and the message being typed on
 * the left, and on the right the route the router picks for it, highlighted among all routes.
 */
public final class PlaytestView {

  static final KeyCombination SEND =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  private final PlaytestViewModel viewModel;
  private final ListView<String> routes = new ListView<>();
  private final BorderPane root = new BorderPane();

  /**
   * @param modelBar the router model picker, shared by every workspace
   */
  public PlaytestView(PlaytestViewModel viewModel, Node modelBar) {
    this.viewModel = viewModel;
    var split = new SplitPane(conversationPane(), decisionPane());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.6);
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
    var vertical = new SplitPane(playtest, new DecisionDetailsView(why).root());
    vertical.setOrientation(Orientation.VERTICAL);
    vertical.setDividerPositions(0.55);
    return vertical;
  }

  private Node conversationPane() {
    var turns = new ListView<PlaytestViewModel.Turn>(viewModel.turns());
    turns.setId("playtestTurns");
    turns.setPlaceholder(
        new Label("The conversation so far. Type a message below: its route shows on the right."));
    turns.setCellFactory(list -> turnCell());
    turns
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> viewModel.selectTurn(now));
    VBox.setVgrow(turns, Priority.ALWAYS);

    var draft = new TextArea();
    draft.setId("playtestDraft");
    draft.setWrapText(true);
    draft.setPrefRowCount(3);
    draft.setPromptText("Next user message…");
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
            viewModel.sendAsUser();
            event.consume();
          }
        });

    var send = new Button("Send as user");
    send.setId("playtestSendButton");
    send.setOnAction(e -> viewModel.sendAsUser());
    var reply = new Button("Add as assistant reply");
    reply.setId("playtestReplyButton");
    reply.setOnAction(e -> viewModel.addAssistantReply());
    var clear = new Button("Clear conversation");
    clear.setOnAction(e -> viewModel.clearConversation());
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
    var blank = viewModel.draftProperty().isEmpty();
    send.disableProperty().bind(blank);
    reply.disableProperty().bind(blank);
    clear.disableProperty().bind(Bindings.isEmpty(viewModel.turns()));
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var buttons = new HBox(6, send, reply, spacer, save, clear);
    buttons.setAlignment(Pos.CENTER_LEFT);

    var saved = new Label();
    saved.setId("playtestSaveOutcome");
    saved.textProperty().bind(viewModel.saveOutcomeProperty());
    var pane =
        new VBox(
            6,
            turns,
            draft,
            buttons,
            saved,
            help(
                "Ctrl+Enter sends. An assistant reply lets you test follow-ups: the router reads"
                    + " the whole conversation, as the proxy sends it."));
    pane.setPadding(new Insets(10));
    return pane;
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
    spinner.visibleProperty().bind(viewModel.routingProperty());
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
    show(viewModel.decisionProperty().get(), route, target, details);

    routes.setId("playtestRoutes");
    routes.setItems(viewModel.routeNames());
    routes.setFocusTraversable(false);
    routes.setCellFactory(list -> routeCell());
    VBox.setVgrow(routes, Priority.ALWAYS);

    var heading = new Label("Route");
    heading.getStyleClass().add("details-heading");
    var pane =
        new VBox(
            6,
            new HBox(8, heading, spinner),
            route,
            target,
            details,
            status,
            new Label("All routes, in prompt order:"),
            routes);
    pane.setPadding(new Insets(10));
    return pane;
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

  private ListCell<PlaytestViewModel.Turn> turnCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(PlaytestViewModel.Turn turn, boolean empty) {
        super.updateItem(turn, empty);
        if (empty || turn == null) {
          setText(null);
          return;
        }
        String who = turn.role() == Role.USER ? "You" : "Assistant";
        String routed =
            turn.role() != Role.USER
                ? ""
                : "   → "
                    + (turn.route() != null
                        ? turn.route()
                        : turn.routing() ? "(routing…)" : "(not routed)");
        setText(who + ": " + turn.text() + routed);
        setWrapText(true);
        setPrefWidth(0);
      }
    };
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
}
