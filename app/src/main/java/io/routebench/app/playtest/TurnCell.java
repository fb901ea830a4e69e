package io.routebench.app.playtest;

import io.routebench.core.conversation.Role;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A message: who, the route chip of a user message (or its reply's), the text; edited in place. */
final class TurnCell extends ListCell<Turn> {

  private final Conversation conversation;
  private final ReplyStreams replies;
  private final Label who = new Label();
  private final Label chip = new Label();
  private final Label text = new Label();
  private final ProgressIndicator replyingSpinner = new ProgressIndicator();
  private final Hyperlink replyAction = new Hyperlink();
  private final HBox header = new HBox(8, who, replyingSpinner, chip, replyAction);
  private final VBox content = new VBox(2, header, text);
  private final TextArea editor = new TextArea();

  TurnCell(Conversation conversation, ReplyStreams replies) {
    this.conversation = conversation;
    this.replies = replies;
    who.getStyleClass().add("turn-who");
    who.setMinWidth(Region.USE_PREF_SIZE);
    chip.getStyleClass().add("route-chip");
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
            replies.stopReply();
          } else {
            replies.retryReply(getIndex());
          }
        });
    editor.setWrapText(true);
    editor.setPrefRowCount(3);
    editor.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (PlaytestView.SEND.match(event)) {
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
    String chipText =
        turn.isUser()
            ? RouteChips.chipText(turn)
            : RouteChips.replyChipText(turn, replies.replyTarget(turn));
    show(chip, chipText != null);
    chip.setText(chipText);
    String style = RouteChips.styleClass(turn);
    if (style != null) {
      chip.getStyleClass().add(style);
    }
    show(replyingSpinner, turn.replying());
    show(
        replyAction,
        turn.replying()
            || turn.state() == TurnState.STOPPED
            || turn.state() == TurnState.REPLY_FAILED);
    replyAction.setText(turn.replying() ? "Stop" : "Retry");
    text.setText(turn.text().isEmpty() && turn.replying() ? "…" : turn.text());
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
    conversation.editTurn(index, edited);
  }

  private ContextMenu contextMenu() {
    var edit = new MenuItem("Edit");
    edit.setOnAction(e -> getListView().edit(getIndex()));
    var insertUser = new MenuItem("Insert user message before");
    insertUser.setOnAction(e -> insertBefore(Role.USER));
    var insertAssistant = new MenuItem("Insert assistant message before");
    insertAssistant.setOnAction(e -> insertBefore(Role.ASSISTANT));
    var up = new MenuItem("Move up");
    up.setOnAction(e -> conversation.moveTurn(getIndex(), -1));
    var down = new MenuItem("Move down");
    down.setOnAction(e -> conversation.moveTurn(getIndex(), +1));
    var delete = new MenuItem("Delete");
    delete.setOnAction(e -> conversation.deleteTurn(getIndex()));
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
    conversation.insertTurn(index, role, role == Role.USER ? "New user message" : "New reply");
    getListView().edit(index);
  }
}
