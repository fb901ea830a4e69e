package io.routebench.storage.schema;

/**
 * Schema version 1, as released: the policy document in normalized tables, suites with their cases,
 * and run history. Frozen: later changes are new steps.
 */
final class V1InitialSchema {

  private V1InitialSchema() {}

  static final Migration STEP =
      new Migration(
          0,
          "policy document, test suites and run history",
          """
          -- The document's scalar parts. Exactly one row, created here so that a workspace is
          -- never without a document, even if RouteBench stops right after this step.
          CREATE TABLE workspace (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            name TEXT NOT NULL,
            profile TEXT NOT NULL,
            proxy_top_level_json TEXT NOT NULL,
            proxy_dialect TEXT,
            proxy_version TEXT,
            proxy_providers_key TEXT
          ) STRICT;

          INSERT INTO workspace (singleton, name, profile, proxy_top_level_json)
          VALUES (1, 'Untitled', 'archgw-v1', '{}');

          -- A row exists exactly when the document has a self-hosted router.
          CREATE TABLE self_hosted_router (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            model TEXT,
            base_url TEXT,
            provider_name TEXT
          ) STRICT;

          -- model is deliberately not UNIQUE: the editor saves after every keystroke, and a
          -- half-typed duplicate is a validation error shown to the user, not a reason to refuse
          -- the save and risk losing the edit.
          CREATE TABLE targets (
            position INTEGER PRIMARY KEY,
            model TEXT NOT NULL,
            display_name TEXT,
            base_url TEXT,
            access_key_ref TEXT,
            is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
            provider_interface TEXT,
            extras_json TEXT NOT NULL
          ) STRICT;

          -- The policy columns hold the domain's coarse policy; all NULL when the domain only
          -- groups its actions.
          CREATE TABLE domains (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL UNIQUE,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            is_coarse_policy INTEGER NOT NULL CHECK (is_coarse_policy IN (0, 1)),
            route_name_override TEXT,
            target_model TEXT,
            preference TEXT,
            CHECK (is_coarse_policy = 1 OR (route_name_override IS NULL
                AND target_model IS NULL AND preference IS NULL)),
            CHECK (is_coarse_policy = 0 OR preference IS NOT NULL)
          ) STRICT;

          CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            domain_id TEXT NOT NULL REFERENCES domains (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            route_name_override TEXT,
            target_model TEXT,
            preference TEXT NOT NULL,
            UNIQUE (domain_id, position)
          ) STRICT;

          CREATE TABLE domain_fallbacks (
            domain_id TEXT NOT NULL REFERENCES domains (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            model TEXT NOT NULL,
            PRIMARY KEY (domain_id, position)
          ) STRICT, WITHOUT ROWID;

          CREATE TABLE action_fallbacks (
            action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            model TEXT NOT NULL,
            PRIMARY KEY (action_id, position)
          ) STRICT, WITHOUT ROWID;

          -- Timestamps are UTC text with nine fractional digits: exact, and they sort as text.
          CREATE TABLE suites (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL,
            created_at TEXT NOT NULL
          ) STRICT;

          -- messages_json: [{"role": "user", "content": "...", "expected_route": "..."}, ...]
          CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            suite_id TEXT NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            tags_json TEXT NOT NULL,
            notes TEXT NOT NULL,
            messages_json TEXT NOT NULL,
            UNIQUE (suite_id, position)
          ) STRICT;

          CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            suite_id TEXT NOT NULL REFERENCES suites (id) ON DELETE CASCADE,
            suite_name TEXT,
            started_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            status TEXT NOT NULL,
            failure_message TEXT NOT NULL,
            engine_kind TEXT NOT NULL,
            engine_model TEXT NOT NULL,
            engine_sha256 TEXT NOT NULL,
            engine_profile TEXT NOT NULL,
            engine_settings_json TEXT NOT NULL
          ) STRICT;

          CREATE INDEX runs_by_suite ON runs (suite_id);

          -- case_id has no foreign key on purpose: a run is history and outlives edits to its
          -- suite, which is also why the case name is copied.
          CREATE TABLE turn_results (
            run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            case_name TEXT,
            turn_index INTEGER NOT NULL,
            message_index INTEGER NOT NULL,
            expected TEXT NOT NULL,
            actual TEXT NOT NULL,
            outcome TEXT NOT NULL,
            raw_output TEXT NOT NULL,
            latency_ms INTEGER NOT NULL,
            prompt_tokens INTEGER NOT NULL,
            reused_tokens INTEGER NOT NULL,
            PRIMARY KEY (run_id, ordinal)
          ) STRICT, WITHOUT ROWID;
          """);
}
