package io.routebench.app.playtest;

import io.routebench.core.conversation.Role;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The conversation: its messages (each with its route chip, edited in place), the bar of commands
 * on the whole conversation, the message being typed and the ways to send it or get a reply. The
 * list follows new messages and streamed replies to the bottom, unless the user scrolled up.
 */
final class ConversationPane {

  /** How close to the bottom (of 1) the list counts as at the bottom. */
  private static final double AT_BOTTOM = 0.995;

  private final PlaytestViewModel viewModel;
  private final Conversation conversation;
  private final ListView<Turn> turns;
  private final TextArea draft = new TextArea();
  private final VBox root;

  /** Set while a scroll to the end waits for the list to take a change in. */
  private boolean scrollQueued;

  ConversationPane(PlaytestViewModel viewModel) {
    this.viewModel = viewModel;
    this.conversation = viewModel.conversation();
    turns = new ListView<>(conversation.turns());
    turns.setId("playtestTurns");
    turns.setEditable(true);
    var empty =
        new Label(
            "The conversation so far. Type a message below (Ctrl+Enter sends): its route shows"
                + " beside. Double-click a message to edit it; right-click to insert, move or"
                + " delete.");
    empty.setWrapText(true);
    empty.getStyleClass().add("placeholder");
    turns.setPlaceholder(empty);
    turns.setMinHeight(90);
    turns.setPrefHeight(100); // it takes whatever room there is beyond that (Vgrow)
    turns.setTooltip(
        new Tooltip(
            "Double-click a message to edit it (Ctrl+Enter keeps the edit, Esc drops it);"
                + " right-click to insert, move or delete"));
    turns.setCellFactory(list -> new TurnCell(conversation, viewModel.replies()));
    turns
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> viewModel.why().select(now));
    VBox.setVgrow(turns, Priority.ALWAYS);
    followNewText();

    var saved = new Label();
    saved.setId("playtestSaveOutcome");
    saved.setWrapText(true);
    saved.textProperty().bind(viewModel.cases().saveOutcomeProperty());
    saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
    saved.managedProperty().bind(saved.visibleProperty());
    root = new VBox(6, turns, conversationBar(), draftArea(), draftBar(), saved);
    for (Node wrapping : root.getChildren()) {
      if (wrapping instanceof Label label) {
        label.setMinHeight(Region.USE_PREF_SIZE);
      }
    }
    root.setPadding(new Insets(10));
    root.setMinWidth(260);
    // The why panel opened under it in a small window takes only the room left: every control
    // here stays on screen, and a few messages with them.
    root.setMinHeight(Region.USE_PREF_SIZE);
  }

  Node root() {
    return root;
  }

  /** Whether a message is being edited in place (it takes its own Esc). */
  boolean isEditingAMessage() {
    return turns.getEditingIndex() >= 0;
  }

  private Node conversationBar() {
    var rerouteAll = new Button("Re-route all");
    rerouteAll.setId("playtestRerouteAllButton");
    rerouteAll.setTooltip(new Tooltip("Ask the router again for every user message"));
    rerouteAll.setOnAction(e -> viewModel.turnRoutes().rerouteAll());
    rerouteAll.disableProperty().bind(Bindings.isEmpty(conversation.turns()));
    var auto = new CheckBox("Re-route on changes");
    auto.setTooltip(
        new Tooltip(
            "Route messages again when the policies, the profile or earlier messages change"));
    auto.setId("playtestAutoRerouteCheckBox");
    auto.selectedProperty().bindBidirectional(viewModel.turnRoutes().autoRerouteProperty());
    var stale = new Hyperlink("Stale routes: re-route them");
    stale.setId("playtestRerouteStaleLink");
    stale.setOnAction(e -> viewModel.turnRoutes().rerouteStale());
    stale.visibleProperty().bind(viewModel.turnRoutes().anyStaleProperty());
    stale.managedProperty().bind(stale.visibleProperty());

    var save = new Button("Save as test case…");
    save.setId("playtestSaveButton");
    save.setOnAction(
        e ->
            new SaveTestCaseDialog(viewModel)
                .ask(window())
                .ifPresent(
                    answers ->
                        viewModel
                            .cases()
                            .saveAsTestCase(
                                answers.suite(), answers.name(), answers.expectedRoutes())));
    save.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> conversation.userTurns().isEmpty(), conversation.turns()));
    var clear = new Button("Clear");
    clear.setId("playtestClearButton");
    clear.setOnAction(e -> viewModel.clearConversation());
    clear.disableProperty().bind(Bindings.isEmpty(conversation.turns()));
    var undo = new Hyperlink();
    undo.setId("playtestUndoClearLink");
    undo.setWrapText(true);
    undo.textProperty()
        .bind(conversation.shelvedProperty().map(shelf -> shelf.what() + ": undo").orElse(""));
    undo.setOnAction(e -> viewModel.undoClear());
    undo.visibleProperty().bind(conversation.shelvedProperty().isNotNull());
    undo.managedProperty().bind(undo.visibleProperty());
    for (var button : new Region[] {rerouteAll, auto, save, clear, stale}) {
      button.setMinWidth(Region.USE_PREF_SIZE);
    }
    var bar = new FlowPane(8, 4, rerouteAll, auto, stale, save, clear, undo);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private Node draftArea() {
    draft.setId("playtestDraft");
    draft.setWrapText(true);
    draft.setPrefRowCount(2);
    draft.setMinHeight(48);
    draft
        .promptTextProperty()
        .bind(
            conversation
                .draftRoleProperty()
                .map(
                    role ->
                        role == Role.ASSISTANT
                            ? "Assistant reply (not routed); Ctrl+Enter adds it"
                            : "Next user message; Ctrl+Enter sends"));
    draft.textProperty().bindBidirectional(conversation.draftProperty());
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
          if (PlaytestView.SEND.match(event)) {
            viewModel.send();
            event.consume();
          }
        });
    return draft;
  }

  private Node draftBar() {
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
                conversation.draftRoleProperty().set(now == asUser ? Role.USER : Role.ASSISTANT);
              }
            });
    conversation
        .draftRoleProperty()
        .addListener(
            (obs, old, now) -> (now == Role.ASSISTANT ? asAssistant : asUser).setSelected(true));
    var typing = new Label("Typing as");
    var send = new Button();
    send.setId("playtestSendButton");
    send.textProperty()
        .bind(
            conversation
                .draftRoleProperty()
                .map(role -> role == Role.ASSISTANT ? "Add reply" : "Send as user"));
    send.setOnAction(e -> viewModel.send());
    send.disableProperty().bind(conversation.draftProperty().isEmpty());
    var simulate = new Button("Simulate reply");
    simulate.setId("playtestSimulateReplyButton");
    simulate.setTooltip(
        new Tooltip("Add an assistant turn standing in for the routed model's reply"));
    simulate.setOnAction(e -> viewModel.replies().simulateReply());
    simulate
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> viewModel.replies().lastRoutedModel() == null, conversation.turns()));
    var stop = new Button("Stop reply");
    stop.setId("playtestStopReplyButton");
    stop.setTooltip(new Tooltip("Stop the reply streaming in; it keeps what came (Esc)"));
    stop.setOnAction(e -> viewModel.replies().stopReply());
    stop.visibleProperty().bind(viewModel.replies().replyingProperty());
    stop.managedProperty().bind(stop.visibleProperty());
    var roleToggle = new HBox(typing, asUser, asAssistant);
    roleToggle.setSpacing(4);
    roleToggle.setAlignment(Pos.CENTER_LEFT);
    for (var control : new Region[] {typing, asUser, asAssistant, send, simulate, stop}) {
      control.setMinWidth(Region.USE_PREF_SIZE);
    }
    var bar = new FlowPane(6, 4, roleToggle, send, simulate, new AskTargetButton(viewModel), stop);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  /**
   * Keeps the end of the conversation in view as messages are added and replies stream in, while
   * the user is at the end; scrolled up to read, the list stays where the user put it.
   */
  private void followNewText() {
    conversation
        .turns()
        .addListener(
            (ListChangeListener<Turn>)
                change -> {
                  boolean atTheEnd = false;
                  while (change.next()) {
                    atTheEnd |= change.getTo() >= conversation.turns().size() - 1;
                  }
                  // Asked before the list takes the change in: was its end in view until now?
                  if (atTheEnd && !scrollQueued && endInView()) {
                    scrollQueued = true;
                    Platform.runLater(this::scrollToEnd);
                  }
                });
  }

  private boolean endInView() {
    VirtualFlow<?> flow = flow();
    if (flow == null || flow.getPosition() >= AT_BOTTOM) {
      return true;
    }
    IndexedCell<?> last = flow.getLastVisibleCell();
    return last == null
        || (last.getIndex() >= flow.getCellCount() - 1
            && last.getLayoutY() + last.getHeight() <= flow.getHeight() + 1);
  }

  private void scrollToEnd() {
    scrollQueued = false;
    VirtualFlow<?> flow = flow();
    if (flow != null && !conversation.turns().isEmpty()) {
      turns.layout(); // gives a grown message its height
      flow.setPosition(1.0);
    }
  }

  private VirtualFlow<?> flow() {
    return turns.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }
}
