package io.routebench.core.conversation;

import java.util.List;
import java.util.Objects;

/**
 * A workspace's playtest as the user left it: the conversation and the message being typed. Kept in
 * the workspace with every change, so that closing the window, or a crash, loses none of it.
 *
 * @param messages the conversation, oldest first
 * @param draft the message being typed ({@code ""} when none)
 * @param draftRole who the message being typed is from
 */
public record PlaytestConversation(List<Message> messages, String draft, Role draftRole) {

  public static final PlaytestConversation EMPTY =
      new PlaytestConversation(List.of(), "", Role.USER);

  public PlaytestConversation {
    messages = List.copyOf(messages);
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(draftRole, "draftRole");
  }

  public boolean isEmpty() {
    return messages.isEmpty() && draft.isEmpty();
  }
}
