package io.routebench.core.conversation;

/** Where a workspace keeps its playtest conversation between sessions. */
public interface PlaytestConversationRepository {

  /** The conversation last saved, or {@link PlaytestConversation#EMPTY}. */
  PlaytestConversation load();

  /** Replaces the saved conversation; durable when it returns. */
  void save(PlaytestConversation conversation);
}
