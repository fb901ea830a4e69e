package io.routebench.app.testing;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import java.util.List;

/** Small, valid policy documents for tests. */
public final class Documents {

  public static final String GPT_4O = "openai/gpt-4o";
  public static final String CLAUDE = "anthropic/claude-sonnet-4-5";
  public static final String MINI = "openai/gpt-4o-mini";

  private Documents() {}

  /**
   * Two domains: {@code coding} (ids d-coding; actions a-gen "code generation", a-debug
   * "debugging") and {@code writing} (d-writing; a-email "email drafting"), three targets with
   * gpt-4o the default.
   */
  public static PolicyDocument codingAndWriting() {
    var coding =
        new Domain(
            "d-coding",
            "coding",
            "Programming help of any kind.",
            null,
            List.of(
                action(
                    "a-gen", "code generation", "Writing new code from a specification.", CLAUDE),
                action(
                    "a-debug", "debugging", "Finding and fixing the cause of an error.", GPT_4O)));
    var writing =
        new Domain(
            "d-writing",
            "writing",
            "Help with prose.",
            null,
            List.of(action("a-email", "email drafting", "Drafting or polishing an email.", MINI)));
    return new PolicyDocument(
        "Test policies",
        PromptProfile.ARCHGW_V1,
        new Taxonomy(List.of(coding, writing)),
        List.of(
            ModelTarget.of(GPT_4O, "$OPENAI_API_KEY", true),
            ModelTarget.of(CLAUDE, "$ANTHROPIC_API_KEY", false),
            ModelTarget.of(MINI, "$OPENAI_API_KEY", false)),
        null,
        ProxyConfigExtras.NONE);
  }

  public static Action action(String id, String name, String description, String target) {
    return new Action(id, name, description, PolicySettings.targeting(target));
  }
}
