package io.routebench.app.suites;

import io.routebench.app.playtest.PlaytestViewModel;
import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;

/**
 * Plays a test case into the playtest, message by message, the way the user would type it: each
 * user turn is sent and routed on its own, so the playtest shows the route of every turn.
 */
public final class PlaytestReplay {

  private PlaytestReplay() {}

  /**
   * Replaces the playtest's conversation with the case's.
   *
   * @return how many messages could not be played (system, tool and developer messages, which the
   *     playtest has no way to add) or were empty
   */
  public static int replay(TestCase testCase, PlaytestViewModel playtest) {
    playtest.clearConversation();
    int skipped = 0;
    for (CaseMessage message : testCase.messages()) {
      if (message.content().isBlank()
          || (message.role() != Role.USER && message.role() != Role.ASSISTANT)) {
        skipped++;
        continue;
      }
      playtest.draftProperty().set(message.content());
      if (message.role() == Role.USER) {
        playtest.sendAsUser();
      } else {
        playtest.addAssistantReply();
      }
    }
    return skipped;
  }
}
