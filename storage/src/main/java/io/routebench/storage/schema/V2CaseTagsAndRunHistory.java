package io.routebench.storage.schema;

/**
 * Schema version 2: tags move from a JSON column into an indexed {@code case_tags} table, so the
 * suite view can filter twenty thousand cases by tag (and count cases per tag) without parsing
 * every case; and run history gets an index that serves "runs of this suite, newest first" without
 * sorting. Frozen: later changes are new steps.
 */
final class V2CaseTagsAndRunHistory {

  private V2CaseTagsAndRunHistory() {}

  static final Migration STEP =
      new Migration(
          1,
          "case tags table and run history index",
          """
          CREATE TABLE case_tags (
            case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (case_id, position)
          ) STRICT, WITHOUT ROWID;

          CREATE INDEX case_tags_by_tag ON case_tags (tag, case_id);

          -- json_each numbers array elements from 0: the key is the tag's position.
          INSERT INTO case_tags (case_id, position, tag)
          SELECT cases.id, tags.key, tags.value
          FROM cases, json_each(cases.tags_json) AS tags;

          ALTER TABLE cases DROP COLUMN tags_json;

          DROP INDEX runs_by_suite;

          CREATE INDEX runs_by_suite_newest_first ON runs (suite_id, started_at DESC);
          """);
}
