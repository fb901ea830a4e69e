package io.routebench.storage.schema;

import java.util.List;

/** The identity and history of the workspace file format. */
public final class WorkspaceSchema {

  /**
   * {@code PRAGMA application_id} of every workspace file: "RTB1" in ASCII. Tells RouteBench's
   * files apart from other SQLite databases (and lets {@code file(1)} recognise them).
   */
  public static final int APPLICATION_ID = 0x52544231;

  /** Every step ever released, oldest first. Append only. */
  public static final List<Migration> MIGRATIONS =
      List.of(
          V1InitialSchema.STEP,
          V2CaseTagsAndRunHistory.STEP,
          V3RunsInProgress.STEP,
          V4PlaytestConversation.STEP,
          V5ListedRoutes.STEP,
          V6ServedBy.STEP);

  /** The schema version this RouteBench writes ({@code PRAGMA user_version}). */
  public static final int CURRENT_VERSION = MIGRATIONS.size();

  private WorkspaceSchema() {}

  public static Migrator migrator() {
    return new Migrator(MIGRATIONS);
  }
}
