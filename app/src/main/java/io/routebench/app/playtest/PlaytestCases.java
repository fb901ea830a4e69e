package io.routebench.app.playtest;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Saves the playtest's conversation as a test case, with the route each user message should get;
 * the {@code test} command then checks the router against it.
 *
 * <p>Confined to the UI thread.
 */
public final class PlaytestCases {

  /** Stores a conversation as a test case; the workspace session writes it to the file. */
  @FunctionalInterface
  public interface CaseSaver {
    void add(String suiteName, TestCase testCase, Runnable saved, Consumer<Throwable> failed);
  }

  /** The suite a saved conversation goes to unless the user names another. */
  public static final String DEFAULT_SUITE = "Playtests";

  private static final int CASE_NAME_LENGTH = 60;

  private final Conversation conversation;
  private final CaseSaver saver;
  private final ReadOnlyStringWrapper saveOutcome =
      new ReadOnlyStringWrapper(this, "saveOutcome", "");

  PlaytestCases(Conversation conversation, CaseSaver saver) {
    this.conversation = conversation;
    this.saver = saver;
  }

  /** A name for the conversation as a test case: its first user message, shortened. */
  public String suggestedCaseName() {
    List<Turn> userTurns = conversation.userTurns();
    String first = userTurns.isEmpty() ? "Playtest" : userTurns.get(0).text().strip();
    return first.length() <= CASE_NAME_LENGTH
        ? first
        : first.substring(0, CASE_NAME_LENGTH - 1).strip() + "…";
  }

  /** What the last save did, for the line under the conversation; empty at first. */
  public ReadOnlyStringProperty saveOutcomeProperty() {
    return saveOutcome.getReadOnlyProperty();
  }

  /**
   * Saves the conversation so far as a test case of {@code suiteName} (created when missing).
   *
   * @param expectedRoutes one per user turn, in order: what the router should answer there
   */
  public void saveAsTestCase(String suiteName, String caseName, List<String> expectedRoutes) {
    List<Turn> userTurns = conversation.userTurns();
    if (userTurns.isEmpty() || expectedRoutes.size() != userTurns.size()) {
      throw new IllegalArgumentException(
          "one expected route per user turn: " + userTurns.size() + " turns");
    }
    var messages = new ArrayList<CaseMessage>();
    int userTurn = 0;
    for (Turn turn : conversation.turns()) {
      if (!turn.isUser() && turn.text().isBlank()) {
        continue; // a reply that failed before any text came
      }
      messages.add(
          turn.isUser()
              ? CaseMessage.user(turn.text(), expectedRoutes.get(userTurn++))
              : new CaseMessage(turn.role(), turn.text(), null));
    }
    var testCase =
        new TestCase(UUID.randomUUID().toString(), caseName, List.of("playtest"), "", messages);
    saveOutcome.set("Saving…");
    saver.add(
        suiteName,
        testCase,
        () ->
            saveOutcome.set(
                "Saved “"
                    + caseName
                    + "” to suite “"
                    + suiteName
                    + "”; routebench test runs the suite against a model."),
        failure -> saveOutcome.set("Could not save the test case: " + failure.getMessage()));
  }
}
