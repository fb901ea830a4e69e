package io.routebench.storage.schema;

/**
 * Schema version 3: runs are stored while they are made. A run being answered has status {@code
 * RUNNING} and names the process that owns it, so a run left behind by a crash can be told apart
 * from one still in progress elsewhere; and a run keeps the policies it was made with (as a policy
 * document), so it can be resumed, told stale and compared with what changed. Frozen: later changes
 * are new steps.
 */
final class V3RunsInProgress {

  private V3RunsInProgress() {}

  static final Migration STEP =
      new Migration(
          2,
          "runs stored while they are made, with their owner and policies",
          """
          ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT '';

          ALTER TABLE runs ADD COLUMN policies_yaml TEXT;
          """);
}
