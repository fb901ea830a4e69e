package io.routebench.core.doctor;

import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The user message each turn of a suite routed: the words the doctor reads. */
final class TurnTexts {

  private final Map<List<Object>, String> texts = new HashMap<>();

  private TurnTexts(TestSuite suite) {
    for (TestCase testCase : suite.cases()) {
      List<Integer> userTurns = testCase.userTurnIndexes();
      for (int turn = 0; turn < userTurns.size(); turn++) {
        texts.put(
            List.of(testCase.id(), turn), testCase.messages().get(userTurns.get(turn)).content());
      }
    }
  }

  static TurnTexts of(TestSuite suite) {
    return new TurnTexts(suite);
  }

  /** The turn's user message, or {@code ""} when the suite no longer has it. */
  String of(TurnResult turn) {
    return texts.getOrDefault(List.of(turn.caseId(), turn.turnIndex()), "");
  }

  List<String> of(List<TurnResult> turns) {
    return turns.stream().map(this::of).filter(text -> !text.isBlank()).toList();
  }
}
