package io.routebench.inference.prompt;

import io.routebench.core.conversation.Message;
import java.util.List;

/**
 * The part of a conversation that fits the router's budget, in chronological order.
 *
 * @param truncated whether messages that passed the role filter were left out or shortened
 */
record ConversationWindow(List<Message> kept, boolean truncated) {

  ConversationWindow {
    kept = List.copyOf(kept);
  }
}
