package io.routebench.app.taxonomy;

/** Where a dragged node lands relative to the node it is dropped on. */
public enum DropPlacement {
  BEFORE,
  AFTER,
  /** Into a domain, as its last action. */
  INTO
}
