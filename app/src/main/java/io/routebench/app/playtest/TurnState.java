package io.routebench.app.playtest;

/** Where the route of a user message, or the reply of an assistant message, stands. */
public enum TurnState {
  /** An assistant message, or a user message sent while no model was loaded. */
  NOT_ROUTED,
  ROUTING,
  /** Decided for exactly this conversation up to the message, these policies and this profile. */
  DECIDED,
  /**
   * Decided (or failed) for an earlier text, other policies or another profile: the route shown is
   * history until it is routed again.
   */
  STALE,
  FAILED,
  /** An assistant message streaming in from the route's target model. */
  REPLYING,
  /** An assistant message whose streaming was stopped: the text is what came before. */
  STOPPED,
  /** An assistant message the target could not give; the failure says why. */
  REPLY_FAILED
}
