package io.routebench.app.playtest;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The playtest's conversation as a document: its messages, the one being typed, and the user's
 * edits of them (edit, insert, delete, move, clear and its undo). It knows nothing of routes or
 * replies; whoever keeps those hears each edit through {@link Edits}.
 *
 * <p>Confined to the UI thread.
 */
public final class Conversation {

  /** What the rest of the playtest does when the user edits the conversation. */
  interface Edits {
    /** {@code turn} is about to be rewritten or removed by the user. */
    void editing(Turn turn);

    /** {@code turn} was removed. */
    void removed(Turn turn);

    /** The messages changed: routes may be stale, and the draft's route depends on them all. */
    void changed();
  }

  private final ObservableList<Turn> turns = FXCollections.observableArrayList();
  private final ObservableList<Turn> turnsView = FXCollections.unmodifiableObservableList(turns);
  private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
  private final ObjectProperty<Role> draftRole =
      new SimpleObjectProperty<>(this, "draftRole", Role.USER);
  private final ReadOnlyObjectWrapper<Shelved> shelved =
      new ReadOnlyObjectWrapper<>(this, "shelved");
  private Edits edits =
      new Edits() {
        @Override
        public void editing(Turn turn) {}

        @Override
        public void removed(Turn turn) {}

        @Override
        public void changed() {}
      };
  private long nextTurnId = 1;

  void onEdits(Edits listener) {
    this.edits = Objects.requireNonNull(listener);
  }

  public ObservableList<Turn> turns() {
    return turnsView;
  }

  /** The next message, as typed so far. */
  public StringProperty draftProperty() {
    return draft;
  }

  /** Whose message the draft is: only a user message is routed as it is typed. */
  public ObjectProperty<Role> draftRoleProperty() {
    return draftRole;
  }

  /**
   * A conversation put aside by Clear or by opening a test case in its place, kept for undo until
   * the next change.
   *
   * @param what says what happened, for the undo link: "Conversation cleared"
   * @param draft the draft put aside with it, or {@code null} when the draft was left as it was
   */
  public record Shelved(String what, List<Turn> turns, String draft, Role draftRole) {
    public Shelved {
      turns = List.copyOf(turns);
    }
  }

  /** What the last Clear (or opened test case) put aside, or {@code null}. */
  public ReadOnlyObjectProperty<Shelved> shelvedProperty() {
    return shelved.getReadOnlyProperty();
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
    edits.editing(turn);
    Turn now = turns.get(index); // a stopped reply keeps what came: the edit replaces it
    turns.set(index, now.isUser() ? now.withText(text) : now.replied(text));
    changed();
  }

  /** Inserts a message before {@code index} ({@code turns().size()} appends). */
  public void insertTurn(int index, Role role, String text) {
    if (text.isBlank()) {
      return;
    }
    turns.add(index, Turn.of(nextTurnId++, role, text));
    changed();
  }

  public void deleteTurn(int index) {
    edits.editing(turns.get(index));
    Turn removed = turns.remove(index);
    edits.removed(removed);
    changed();
  }

  /** Moves message {@code index} up ({@code -1}) or down ({@code +1}). */
  public void moveTurn(int index, int delta) {
    int to = index + delta;
    if (to < 0 || to >= turns.size()) {
      return;
    }
    Turn moved = turns.remove(index);
    turns.add(to, moved);
    changed();
  }

  /**
   * Empties the conversation (and the draft, when {@code withDraft}), keeping them for {@link
   * #unshelve()}; the caller has stopped what was under way for the messages.
   *
   * @return what was put aside, or {@code null} when there was nothing to keep
   */
  Shelved shelve(String what, boolean withDraft) {
    boolean draftToKeep = withDraft && !draft.get().isBlank();
    if (turns.isEmpty() && !draftToKeep) {
      return null;
    }
    var put =
        new Shelved(
            what, turns, withDraft ? draft.get() : null, withDraft ? draftRole.get() : null);
    turns.clear();
    if (withDraft) {
      draft.set("");
    }
    shelved.set(put);
    return put;
  }

  /** Offers {@code put} for undo again (after the conversation that replaced it was played). */
  void shelve(Shelved put) {
    shelved.set(put);
  }

  /**
   * Brings back what was put aside, in place of what is there now; a route that was being decided
   * is stale.
   */
  void unshelve() {
    Shelved back = shelved.get();
    if (back == null) {
      return;
    }
    shelved.set(null);
    turns.setAll(back.turns().stream().map(t -> t.routing() ? t.stale() : t).toList());
    if (back.draft() != null) {
      draftRole.set(back.draftRole());
      draft.set(back.draft());
    }
    changed();
  }

  /** Adds a message at the end, as sent; the caller routes it. */
  Turn append(Role role, String text) {
    forgetCleared();
    Turn turn = Turn.of(nextTurnId++, role, text);
    turns.add(turn);
    return turn;
  }

  /**
   * Replaces the conversation with {@code kept}: its messages and its draft.
   *
   * @return whether it was replaced: not when {@code kept} is empty or the user has started another
   *     conversation meanwhile
   */
  boolean restore(PlaytestConversation kept) {
    if (kept.isEmpty() || !snapshot().isEmpty()) {
      return false;
    }
    for (Message message : kept.messages()) {
      turns.add(Turn.of(nextTurnId++, message.role(), message.content()));
    }
    draftRole.set(kept.draftRole());
    draft.set(kept.draft());
    return true;
  }

  /**
   * The conversation and the draft as they stand, to be kept in the workspace: messages with text
   * (a reply that failed before its first word is not part of the conversation).
   */
  public PlaytestConversation snapshot() {
    return new PlaytestConversation(
        turns.stream().filter(turn -> !turn.text().isEmpty()).map(Turn::message).toList(),
        draft.get(),
        draftRole.get());
  }

  /** The user messages so far: the turns a saved test case expects a route for. */
  public List<Turn> userTurns() {
    return turns.stream().filter(Turn::isUser).toList();
  }

  /** The messages up to and including {@code index}: what the router reads to route it. */
  List<Message> messagesThrough(int index) {
    var messages = new ArrayList<Message>();
    for (int i = 0; i <= index; i++) {
      messages.add(turns.get(i).message());
    }
    return messages;
  }

  /** The messages with text before {@code index}: what a target continues. */
  List<Message> messagesWithTextBefore(int index) {
    return turns.subList(0, index).stream()
        .filter(turn -> !turn.text().isBlank())
        .map(Turn::message)
        .toList();
  }

  /** The last message, or {@code null}. */
  Turn last() {
    return turns.isEmpty() ? null : turns.get(turns.size() - 1);
  }

  Turn find(long turnId) {
    int index = indexOf(turnId);
    return index < 0 ? null : turns.get(index);
  }

  int indexOf(long turnId) {
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).id() == turnId) {
        return i;
      }
    }
    return -1;
  }

  /** Puts {@code with} where the message of the same id is, if it still is there. */
  void replace(Turn with) {
    int index = indexOf(with.id());
    if (index >= 0) {
      turns.set(index, with);
    }
  }

  void forgetCleared() {
    if (shelved.get() != null) {
      shelved.set(null);
    }
  }

  private void changed() {
    forgetCleared();
    edits.changed();
  }
}
