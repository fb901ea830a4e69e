package io.routebench.core.conversation;

import java.util.ArrayList;
import java.util.List;

/** An ordered chat history. */
public record Conversation(List<Message> messages) {

  public Conversation {
    messages = List.copyOf(messages);
  }

  public static Conversation of(Message... messages) {
    return new Conversation(List.of(messages));
  }

  /** The conversation up to and including message {@code index}: what the router saw then. */
  public Conversation upTo(int index) {
    return new Conversation(messages.subList(0, index + 1));
  }

  public Conversation append(Message message) {
    var copy = new ArrayList<>(messages);
    copy.add(message);
    return new Conversation(copy);
  }
}
