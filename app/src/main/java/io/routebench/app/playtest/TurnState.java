package io.routebench.app.playtest;

/** Where the route of a message of the conversation stands. */
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
  FAILED
}
