package io.routebench.app.playtest;

import io.routebench.core.routing.DecisionDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which decision the why panel explains: the selected user message's, or with none selected the
 * draft's. Keeps the why of every decided message until the message goes.
 *
 * <p>Confined to the UI thread.
 */
public final class DecisionWhy {

  private final ReadOnlyObjectWrapper<DecisionDetails> details =
      new ReadOnlyObjectWrapper<>(this, "details");

  /** The why of each decided user message, by turn id. */
  private final Map<Long, DecisionDetails> turnDetails = new HashMap<>();

  private DecisionDetails draftDetails;

  /** The message whose why is shown, or null for the draft's. */
  private Long selectedTurn;

  /**
   * Why the selected user message (or, with none selected, the draft) got its route: the prompt,
   * the model's input, the raw output and what the proxy does; null while there is no decision.
   */
  public ReadOnlyObjectProperty<DecisionDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** Shows the why of {@code turn}'s decision; {@code null} (or an assistant turn): the draft's. */
  public void select(Turn turn) {
    selectedTurn = turn == null || !turn.isUser() ? null : turn.id();
    show();
  }

  /** The why of the draft's decision, or {@code null} when it has none. */
  DecisionDetails draft() {
    return draftDetails;
  }

  void draftDecided(DecisionDetails why) {
    draftDetails = why;
    show();
  }

  void turnDecided(long turnId, DecisionDetails why) {
    if (why != null) {
      turnDetails.put(turnId, why);
    }
    show();
  }

  /** The message is gone: its why too, and the draft's is shown if it was selected. */
  void forget(long turnId) {
    turnDetails.remove(turnId);
    if (Objects.equals(selectedTurn, turnId)) {
      selectedTurn = null;
    }
    show();
  }

  private void show() {
    DecisionDetails shown = selectedTurn != null ? turnDetails.get(selectedTurn) : draftDetails;
    if (!Objects.equals(shown, details.get())) {
      details.set(shown);
    }
  }
}
