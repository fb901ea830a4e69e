package io.routebench.storage;

import io.routebench.core.conversation.Role;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.ProxyDialect;
import io.routebench.core.workspace.SelfHostedRouter;
import io.routebench.storage.schema.WorkspaceSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Workspace files as earlier RouteBench versions wrote them, built from a frozen copy of each
 * version's schema (never from the current code), with the data they are expected to read back as.
 */
final class HistoricalWorkspaces {

  private HistoricalWorkspaces() {}

  /** The version 1 schema exactly as released. */
  static final String VERSION_1_SCHEMA =
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
          """;

  /** What RouteBench wrote into a new file before its first migration step committed. */
  static void version0(Path file) {
    RawSqlite.execute(file, "PRAGMA application_id = " + WorkspaceSchema.APPLICATION_ID);
  }

  /**
   * A version 1 workspace with a document, a suite (positions with gaps, as deletes leave) and a
   * run.
   */
  static void version1(Path file) {
    version1(file, "[\"billing\",\"multi-turn\"]");
  }

  /**
   * @param firstCaseTagsJson the first case's tags column, to build files the upgrade must reject
   */
  static void version1(Path file, String firstCaseTagsJson) {
    RawSqlite.execute(
        file,
        "PRAGMA application_id = " + WorkspaceSchema.APPLICATION_ID,
        VERSION_1_SCHEMA,
        """
        UPDATE workspace
        SET name = 'Support bot', profile = 'plano-v1',
            proxy_top_level_json = '{"version":null,"tracing":{"sampling_rate":0.1}}',
            proxy_dialect = 'plano', proxy_version = 'v0.4.0',
            proxy_providers_key = 'model_providers'
        """,
        """
        INSERT INTO self_hosted_router VALUES
          (1, 'Arch-Router-1.5B', 'http://localhost:11434', 'arch-router')
        """,
        """
        INSERT INTO targets VALUES
          (0, 'openai/gpt-4o', 'GPT-4o', NULL, '$OPENAI_API_KEY', 1, 'openai', '{"timeout":30}'),
          (1, 'anthropic/claude-sonnet-4-5', NULL, NULL, '$ANTHROPIC_API_KEY', 0, NULL, '{}')
        """,
        """
        INSERT INTO domains VALUES
          ('d-support', 0, 'support', 'Customer support.', 1, NULL, 'openai/gpt-4o', 'fastest'),
          ('d-billing', 1, 'billing', 'Money questions.', 0, NULL, NULL, NULL)
        """,
        """
        INSERT INTO actions VALUES
          ('a-refunds', 'd-billing', 0, 'refunds', 'Refund requests.', NULL,
           'anthropic/claude-sonnet-4-5', 'none'),
          ('a-invoices', 'd-billing', 1, 'invoices', 'Invoice questions.', 'invoice questions',
           NULL, 'cheapest')
        """,
        """
        INSERT INTO domain_fallbacks VALUES ('d-support', 0, 'anthropic/claude-sonnet-4-5')
        """,
        """
        INSERT INTO action_fallbacks VALUES
          ('a-refunds', 0, 'openai/gpt-4o'),
          ('a-refunds', 1, 'anthropic/claude-sonnet-4-5')
        """,
        """
        INSERT INTO suites VALUES
          ('s-regression', 'regression', 'nightly', '2025-01-02T03:04:05.000000000Z')
        """,
        "INSERT INTO cases VALUES ('c-double', 's-regression', 0, 'double charge', '"
            + firstCaseTagsJson.replace("'", "''")
            + "', 'from ticket 42', '"
            + "[{\"role\":\"user\",\"content\":\"I was charged twice\",\"expected_route\":\"refunds\"},"
            + "{\"role\":\"assistant\",\"content\":\"Sorry to hear that.\"},"
            + "{\"role\":\"user\",\"content\":\"and the invoice?\",\"expected_route\":\"invoice questions\"}]')",
        """
        INSERT INTO cases VALUES
          ('c-hello', 's-regression', 1, 'hello', '[]', '',
           '[{"role":"user","content":"hi","expected_route":"other"}]'),
          ('c-refund', 's-regression', 5, 'refund', '["billing"]', '',
           '[{"role":"system","content":"Be kind."},{"role":"user","content":"refund please","expected_route":"refunds"}]')
        """,
        """
        INSERT INTO runs VALUES
          ('r-1', 's-regression', 'regression', '2025-02-03T04:05:06.123456789Z', 1500,
           'COMPLETED', '', 'llama.cpp', 'Arch-Router-1.5B.Q4_K_M.gguf', 'abc123', 'plano-v1',
           '{"context":"4096","threads":"4"}')
        """,
        """
        INSERT INTO turn_results VALUES
          ('r-1', 0, 'c-double', 'double charge', 0, 0, 'refunds', 'refunds', 'MATCHED',
           'refunds', 210, 800, 0),
          ('r-1', 1, 'c-double', 'double charge', 1, 2, 'invoice questions', 'other', 'OTHER',
           'other', 190, 850, 780)
        """,
        "PRAGMA user_version = 1");
  }

  static PolicyDocument version1Document() {
    var support =
        new Domain(
            "d-support",
            "support",
            "Customer support.",
            new PolicySettings(
                null,
                "openai/gpt-4o",
                List.of("anthropic/claude-sonnet-4-5"),
                SelectionPreference.FASTEST),
            List.of());
    var billing =
        new Domain(
            "d-billing",
            "billing",
            "Money questions.",
            null,
            List.of(
                new Action(
                    "a-refunds",
                    "refunds",
                    "Refund requests.",
                    new PolicySettings(
                        null,
                        "anthropic/claude-sonnet-4-5",
                        List.of("openai/gpt-4o", "anthropic/claude-sonnet-4-5"),
                        SelectionPreference.NONE)),
                new Action(
                    "a-invoices",
                    "invoices",
                    "Invoice questions.",
                    new PolicySettings(
                        "invoice questions", null, List.of(), SelectionPreference.CHEAPEST))));
    return new PolicyDocument(
        "Support bot",
        PromptProfile.PLANO_V1,
        new Taxonomy(List.of(support, billing)),
        List.of(
            new ModelTarget(
                "openai/gpt-4o",
                "GPT-4o",
                null,
                "$OPENAI_API_KEY",
                true,
                "openai",
                "{\"timeout\":30}"),
            new ModelTarget(
                "anthropic/claude-sonnet-4-5",
                null,
                null,
                "$ANTHROPIC_API_KEY",
                false,
                null,
                "{}")),
        new SelfHostedRouter("Arch-Router-1.5B", "http://localhost:11434", "arch-router"),
        new ProxyConfigExtras(
            "{\"version\":null,\"tracing\":{\"sampling_rate\":0.1}}",
            ProxyDialect.PLANO_V0_4,
            "v0.4.0",
            "model_providers"));
  }

  static TestSuite version1Suite() {
    return new TestSuite(
        "s-regression",
        "regression",
        "nightly",
        List.of(
            new TestCase(
                "c-double",
                "double charge",
                List.of("billing", "multi-turn"),
                "from ticket 42",
                List.of(
                    CaseMessage.user("I was charged twice", "refunds"),
                    CaseMessage.assistant("Sorry to hear that."),
                    CaseMessage.user("and the invoice?", "invoice questions"))),
            new TestCase(
                "c-hello", "hello", List.of(), "", List.of(CaseMessage.user("hi", "other"))),
            new TestCase(
                "c-refund",
                "refund",
                List.of("billing"),
                "",
                List.of(
                    new CaseMessage(Role.SYSTEM, "Be kind.", null),
                    CaseMessage.user("refund please", "refunds")))));
  }

  static RegressionRun version1Run() {
    return new RegressionRun(
        "r-1",
        "s-regression",
        "regression",
        new EngineIdentity(
            "llama.cpp",
            "Arch-Router-1.5B.Q4_K_M.gguf",
            "abc123",
            PromptProfile.PLANO_V1,
            Map.of("threads", "4", "context", "4096")),
        Instant.parse("2025-02-03T04:05:06.123456789Z"),
        1500,
        RunStatus.COMPLETED,
        "",
        List.of(
            new TurnResult(
                "c-double",
                "double charge",
                0,
                0,
                "refunds",
                "refunds",
                DecisionOutcome.MATCHED,
                "refunds",
                210,
                800,
                0,
                List.of()),
            new TurnResult(
                "c-double",
                "double charge",
                1,
                2,
                "invoice questions",
                "other",
                DecisionOutcome.OTHER,
                "other",
                190,
                850,
                780,
                List.of())));
  }
}
