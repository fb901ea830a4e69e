package io.routebench.core.suite;

import io.routebench.core.conversation.Conversation;
import io.routebench.core.conversation.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conversation whose user turns each carry an expected route.
 *
 * @param id stable identity (UUID text)
 */
public record TestCase(
    String id, String name, List<String> tags, String notes, List<CaseMessage> messages) {

  public TestCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    tags = List.copyOf(tags);
    notes = notes == null ? "" : notes;
    messages = List.copyOf(messages);
  }

  public Conversation conversation() {
    return new Conversation(messages.stream().map(CaseMessage::toMessage).toList());
  }

  /** Indexes (into {@link #messages()}) of the user messages, in order: the turns to route. */
  public List<Integer> userTurnIndexes() {
    var indexes = new ArrayList<Integer>();
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).role() == Role.USER) {
        indexes.add(i);
      }
    }
    return List.copyOf(indexes);
  }
}
