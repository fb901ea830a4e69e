package io.routebench.storage;

import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Domain values with every field set, for round trips. */
public final class Samples {

  private Samples() {}

  /**
   * A document that uses every field, including the nullable ones both set and unset, an empty
   * string distinct from null, and text SQLite and JSON must not mangle.
   */
  public static PolicyDocument fullDocument() {
    var codingPolicy =
        new PolicySettings(
            "coding",
            "openai/gpt-4o",
            List.of("anthropic/claude-sonnet-4-5", "mistral/codestral"),
            SelectionPreference.CHEAPEST);
    var generation =
        new Action(
            "a-generation",
            "code generation",
            "Generating new code from a specification; quotes ' \" and \\ survive.",
            new PolicySettings(
                null,
                "anthropic/claude-sonnet-4-5",
                List.of("openai/gpt-4o"),
                SelectionPreference.FASTEST));
    var review =
        new Action(
            "a-review",
            "code review",
            "Reviewing a diff.\nSecond line, ünïcödé and emoji 🚀.",
            new PolicySettings("", null, List.of(), SelectionPreference.NONE));
    var coding =
        new Domain(
            "d-coding", "coding", "Programming help.", codingPolicy, List.of(generation, review));
    var writing =
        new Domain(
            "d-writing",
            "writing",
            "",
            null,
            List.of(
                new Action(
                    "a-summary",
                    "summarization",
                    "Condensing text.",
                    PolicySettings.targeting("openai/gpt-4o-mini"))));
    var empty = new Domain("d-empty", "empty group", "No actions yet.", null, List.of());
    var targets =
        List.of(
            new ModelTarget(
                "openai/gpt-4o",
                "GPT-4o",
                "https://api.openai.com/v1",
                "$OPENAI_API_KEY",
                true,
                "openai",
                "{\"rate_limit\":{\"rpm\":60},\"zeta\":1,\"alpha\":[1,2]}"),
            new ModelTarget(
                "anthropic/claude-sonnet-4-5", null, null, "$ANTHROPIC_API_KEY", false, null, "{}"),
            ModelTarget.of("openai/gpt-4o-mini", null, false),
            ModelTarget.of("mistral/codestral", "$MISTRAL_API_KEY", false));
    return new PolicyDocument(
        "Coding assistant",
        PromptProfile.PLANO_V1,
        new Taxonomy(List.of(coding, writing, empty)),
        targets,
        new SelfHostedRouter(
            "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M", "http://localhost:11434", "arch-router"),
        new ProxyConfigExtras(
            "{\"version\":null,\"listeners\":{\"egress\":{\"port\":12000}},\"model_providers\":null}",
            ProxyDialect.ARCHGW_V0_3,
            "v0.3.0",
            "model_providers"),
        new PromptWrapping(
            ServingEngine.VLLM,
            new CustomChatTemplate(
                "router ✓.jinja",
                "{%- for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n"
                    + "{%- endfor %}<|im_start|>assistant\n"),
            "You route requests. Ünïcode ✓"));
  }

  public static TestCase testCase(String id, String name, String... tags) {
    return new TestCase(
        id,
        name,
        List.of(tags),
        "notes of " + name,
        List.of(
            new CaseMessage(io.routebench.core.conversation.Role.SYSTEM, "Be brief.", null),
            CaseMessage.user("Write a parser for " + name + " \"quoted\" ✓", "code generation"),
            CaseMessage.assistant("Here it is:\n```java\nclass P {}\n```"),
            CaseMessage.user("thanks!", "other")));
  }

  public static List<TestCase> testCases(String prefix, int count) {
    var cases = new ArrayList<TestCase>();
    for (int i = 0; i < count; i++) {
      cases.add(
          testCase(prefix + "-" + i, prefix + " case " + i, i % 2 == 0 ? "even" : "odd", "all"));
    }
    return cases;
  }

  public static EngineIdentity engine() {
    return new EngineIdentity(
        "llama.cpp",
        "Arch-Router-1.5B.Q4_K_M.gguf",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        PromptProfile.ARCHGW_V1,
        Map.of("threads", "8", "context", "4096", "temperature", "0"));
  }

  /** A run with one result per outcome; {@code passed} of its results pass. */
  public static RegressionRun run(String id, String suiteId, Instant startedAt, int passed) {
    var results = new ArrayList<TurnResult>();
    DecisionOutcome[] outcomes = DecisionOutcome.values();
    for (int i = 0; i < 4; i++) {
      boolean pass = i < passed;
      results.add(
          new TurnResult(
              "case-" + (i / 2),
              i == 3 ? null : "case name " + (i / 2),
              i % 2,
              i % 2 * 2,
              "code generation",
              pass ? "code generation" : "other",
              outcomes[i],
              "{\"route\": \"" + (pass ? "code generation" : "other") + "\"}",
              120 + i,
              900 + i,
              i * 100,
              // A plano-v1 list answer whole on one turn: the list is stored and read back.
              i == 1 ? List.of("debugging", "code generation") : List.of()));
    }
    return new RegressionRun(
        id,
        suiteId,
        "smoke suite",
        engine(),
        startedAt,
        4_321,
        passed == 4 ? RunStatus.COMPLETED : RunStatus.CANCELLED,
        passed == 4 ? "" : "stopped by the user",
        results);
  }
}
