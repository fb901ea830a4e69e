package io.routebench.core.routing;

/** Whether an answer is the production decision or an early look at it. */
public enum AnswerExactness {
  /**
   * What production gets: the model's free greedy output (no grammar, no prefill, up to its
   * end-of-turn), judged by the proxy's own rules.
   */
  EXACT,
  /**
   * A provisional answer from a faster, constrained decoding that can only name a route; the exact
   * answer follows and confirms or corrects it.
   */
  PREVIEW
}
