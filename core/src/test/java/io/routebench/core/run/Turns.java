package io.routebench.core.run;

import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.RouteNames;
import java.util.List;

/** Builds turn results for metric tests: only the case, turn index and routes matter there. */
final class Turns {

  private Turns() {}

  static TurnResult turn(String caseId, int turnIndex, String expected, String actual) {
    DecisionOutcome outcome =
        actual.equals(RouteNames.OTHER) ? DecisionOutcome.OTHER : DecisionOutcome.MATCHED;
    return new TurnResult(
        caseId,
        "case " + caseId,
        turnIndex,
        turnIndex * 2,
        expected,
        actual,
        outcome,
        "{\"route\": \"" + actual + "\"}",
        40,
        300,
        250,
        List.of());
  }
}
