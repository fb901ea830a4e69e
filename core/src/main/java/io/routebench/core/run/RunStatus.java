package io.routebench.core.run;

/** How a regression run ended. */
public enum RunStatus {
  COMPLETED,
  /** The user stopped it; the results cover the turns answered until then. */
  CANCELLED,
  FAILED
}
