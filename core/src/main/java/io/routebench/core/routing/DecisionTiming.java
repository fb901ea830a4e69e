package io.routebench.core.routing;

/**
 * Where the time of one decision went.
 *
 * @param promptTokens tokens of the full prompt (chat wrapper included)
 * @param reusedTokens prompt tokens served from the KV cache of an earlier decision
 * @param evaluatedTokens prompt tokens actually evaluated ({@code promptTokens - reusedTokens})
 * @param generatedTokens tokens decoded for the answer
 */
public record DecisionTiming(
    int promptTokens,
    int reusedTokens,
    int evaluatedTokens,
    int generatedTokens,
    long promptMillis,
    long decodeMillis,
    long totalMillis) {

  /** For engines that cannot see token counts (remote endpoints that do not report usage). */
  public static DecisionTiming wallClockOnly(long totalMillis) {
    return new DecisionTiming(0, 0, 0, 0, 0, 0, totalMillis);
  }
}
