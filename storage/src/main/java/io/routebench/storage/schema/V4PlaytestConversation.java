package io.routebench.storage.schema;

/**
 * Schema version 4: the playtest conversation is part of the workspace (one row: its messages as
 * JSON, like a case's, and the message being typed), so that it survives closing and crashes.
 * Frozen: later changes are new steps.
 */
final class V4PlaytestConversation {

  private V4PlaytestConversation() {}

  static final Migration STEP =
      new Migration(
          3,
          "the playtest conversation kept in the workspace",
          """
          CREATE TABLE playtest_conversation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            messages_json TEXT NOT NULL,
            draft TEXT NOT NULL,
            draft_role TEXT NOT NULL
          );
          """);
}
