package io.routebench.core.run;

import io.routebench.core.routing.DecisionOutcome;
import java.util.Objects;

/**
 * How one user turn of a test case was routed in a run.
 *
 * @param caseId the test case
 * @param turnIndex position among the case's user turns (0-based)
 * @param messageIndex position of the user message among all the case's messages
 * @param expected the expected route ({@code other} included)
 * @param actual the effective route (a policy's name, else {@code other})
 * @param outcome how the raw answer mapped onto the policies
 * @param rawOutput the model's text as generated
 */
public record TurnResult(
    String caseId,
    String caseName,
    int turnIndex,
    int messageIndex,
    String expected,
    String actual,
    DecisionOutcome outcome,
    String rawOutput,
    long latencyMillis,
    int promptTokens,
    int reusedTokens) {

  public TurnResult {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(outcome, "outcome");
    rawOutput = rawOutput == null ? "" : rawOutput;
  }

  public boolean passed() {
    return expected.equals(actual);
  }
}
