package io.routebench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playtest conversation is part of the workspace file and survives reopening it. */
class PlaytestConversationStorageTest {

  @TempDir Path dir;

  @Test
  void a_new_workspace_has_an_empty_playtest() {
    try (Workspace workspace = WorkspaceFile.create(dir.resolve("w.routebench"))) {
      assertThat(workspace.playtest().load()).isEqualTo(PlaytestConversation.EMPTY);
    }
  }

  @Test
  void the_last_saved_conversation_and_draft_come_back_after_reopening() {
    Path file = dir.resolve("w.routebench");
    var first = new PlaytestConversation(List.of(Message.user("hi")), "half a thought", Role.USER);
    var second =
        new PlaytestConversation(
            List.of(
                Message.user("Write a Rust function that parses ISO dates"),
                Message.assistant("Here is one: ✓ \"quoted\"\nsecond line"),
                Message.user("now with time zones")),
            "thanks!",
            Role.ASSISTANT);
    try (Workspace workspace = WorkspaceFile.create(file)) {
      workspace.playtest().save(first);
      workspace.playtest().save(second);
    }

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.playtest().load()).isEqualTo(second);
    }
    assertThat(RawSqlite.count(file, "playtest_conversation")).isEqualTo(1);
  }

  @Test
  void a_workspace_from_before_playtests_were_kept_opens_with_an_empty_one() {
    Path file = dir.resolve("v1.routebench");
    HistoricalWorkspaces.version1(file);

    try (Workspace workspace = WorkspaceFile.open(file)) {
      assertThat(workspace.playtest().load()).isEqualTo(PlaytestConversation.EMPTY);
      workspace.playtest().save(new PlaytestConversation(List.of(), "draft", Role.USER));
      assertThat(workspace.playtest().load().draft()).isEqualTo("draft");
    }
  }
}
