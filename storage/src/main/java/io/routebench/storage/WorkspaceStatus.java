package io.routebench.storage;

/** Whether this RouteBench can open a file, found without changing it. */
public enum WorkspaceStatus {
  /** A workspace at the schema version this RouteBench writes. */
  UP_TO_DATE,
  /** A workspace of an earlier version; opening upgrades it (and older RouteBenches lose it). */
  UPDATE_REQUIRED,
  /** A workspace written by a newer RouteBench; it is not opened. */
  INCOMPATIBLE,
  /** Not a RouteBench workspace: not SQLite at all, or another application's database. */
  NOT_A_WORKSPACE
}
