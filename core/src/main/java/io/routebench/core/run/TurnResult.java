package io.routebench.core.run;

import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.RouteNames;
import java.util.List;
import java.util.Objects;

/**
 * How one user turn of a test case was routed in a run.
 *
 * @param caseId the test case
 * @param turnIndex position among the case's user turns (0-based)
 * @param messageIndex position of the user message among all the case's messages
 * @param expected the expected route ({@code other} included)
 * @param actual the effective route (a policy's name, {@link RouteNames#PROXY_ERROR} when the proxy
 *     fails the request, else {@code other})
 * @param outcome what the proxy does with the raw answer
 * @param rawOutput the model's text as generated
 * @param listedRoutes every route the answer listed, in its order (plano-v1's list answer whole);
 *     empty when the answer listed none, and for runs recorded before lists were kept
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
    int reusedTokens,
    List<String> listedRoutes) {

  public TurnResult {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(outcome, "outcome");
    rawOutput = rawOutput == null ? "" : rawOutput;
    listedRoutes = listedRoutes == null ? List.of() : List.copyOf(listedRoutes);
  }

  /** Routed as expected; a turn whose request the proxy fails never passes. */
  public boolean passed() {
    return !outcome.failsRequest() && expected.equals(actual);
  }

  /** Whether the proxy would answer this turn's request with HTTP 500. */
  public boolean proxyError() {
    return outcome.failsRequest();
  }

  /**
   * "Right, outranked": the turn failed, yet its answer listed the expected route, below the one
   * the proxy took (plano takes the first name that is a route).
   */
  public boolean rightButOutranked() {
    return !passed() && !proxyError() && listedRoutes.contains(expected);
  }
}
