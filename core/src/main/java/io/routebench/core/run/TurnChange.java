package io.routebench.core.run;

import java.util.Objects;

/**
 * One user turn as two runs saw it.
 *
 * @param caseName the candidate's name for the case (the baseline's when only it has the turn)
 * @param expected the candidate's expectation (the baseline's when only it has the turn); a suite
 *     edited between the runs may have changed it
 * @param baselineActual the baseline's route, or {@code null} when the baseline lacks the turn
 * @param candidateActual the candidate's route, or {@code null} when the candidate lacks the turn
 */
public record TurnChange(
    String caseId,
    String caseName,
    int turnIndex,
    String expected,
    String baselineActual,
    String candidateActual) {

  public TurnChange {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(expected, "expected");
  }
}
