package io.routebench.app.playtest;

/** Where the decision for the message being typed stands; the view is drawn from it. */
public enum PlaytestState {
  /** Nothing to decide: no model, an empty draft, or an assistant reply being typed. */
  IDLE,
  /** The router is deciding the draft as it stands. */
  ROUTING,
  /** The decision shown is for the draft as it stands. */
  DECIDED,
  /**
   * The draft or the policies changed since the decision shown; a new one is asked for after the
   * typing pause.
   */
  SUPERSEDED,
  /** The router could not decide; the status says why. */
  FAILED
}
