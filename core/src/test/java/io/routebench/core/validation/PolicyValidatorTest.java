package io.routebench.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

  private static final String GPT = "openai/gpt-4o";
  private static final String CLAUDE = "anthropic/claude-sonnet-4-5";
  private static final List<ModelTarget> TARGETS =
      List.of(ModelTarget.of(GPT, "$OPENAI_API_KEY", true), ModelTarget.of(CLAUDE, null, false));

  @Test
  void a_well_formed_document_has_no_issues() {
    var report =
        PolicyValidator.validate(
            document(
                TARGETS,
                group(
                    "coding",
                    action("code generation", "Writing new code from a specification.", CLAUDE),
                    action("bug fixing", "Finding and fixing defects in existing code.", GPT))));

    assertThat(report.issues()).isEmpty();
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void every_problem_is_reported_at_once_in_document_order() {
    var report =
        PolicyValidator.validate(
            document(
                List.of(ModelTarget.of("gpt-4o", "sk-live-123", false)),
                group("coding", action("other", "", null))));

    assertThat(report.errors())
        .extracting(ValidationIssue::path)
        .containsExactly(
            "targets[0].model",
            "targets[0].access_key",
            "targets",
            "domains[0].actions[0].name",
            "domains[0].actions[0].description",
            "domains[0].actions[0].target");
  }

  @Test
  void duplicate_route_names_are_reported_with_both_paths() {
    var report =
        PolicyValidator.validate(
            document(
                TARGETS,
                group("coding", action("review", "Reviewing a pull request.", GPT)),
                group("writing", action("review", "Critiquing an essay draft.", CLAUDE))));

    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple(
                "domains[0].actions[0].name",
                "route name \"review\" is also used by domains[1].actions[0];"
                    + " the proxy rejects duplicate route names"),
            tuple(
                "domains[1].actions[0].name",
                "route name \"review\" is also used by domains[0].actions[0];"
                    + " the proxy rejects duplicate route names"));
  }

  @Test
  void route_names_differing_only_in_case_are_not_duplicates() {
    var report =
        PolicyValidator.validate(
            document(
                TARGETS,
                group(
                    "coding",
                    action("Review", "Reviewing a pull request.", GPT),
                    action("review", "Critiquing an essay draft.", CLAUDE))));

    assertThat(report.errors()).isEmpty();
  }

  @Test
  void a_coarse_route_duplicating_an_action_route_is_reported_at_its_policy_route_key() {
    var coding =
        new Domain(
            "d1",
            "coding",
            "Programming help.",
            PolicySettings.targeting(GPT).withRouteNameOverride("debugging"),
            List.of(action("debugging", "Finding the cause of a crash.", CLAUDE)));

    var report = PolicyValidator.validate(document(TARGETS, coding));

    assertThat(report.errors())
        .extracting(ValidationIssue::path)
        .containsExactly("domains[0].policy.route", "domains[0].actions[0].name");
  }

  @Test
  void the_reserved_name_other_is_rejected_where_the_user_wrote_it() {
    Action overridden =
        new Action(
            "a1",
            "catch all",
            "Anything else.",
            PolicySettings.targeting(GPT).withRouteNameOverride("other"));

    var report =
        PolicyValidator.validate(
            document(List.of(ModelTarget.of(GPT, null, true)), group("misc", overridden)));

    assertThat(report.format("policies.yaml"))
        .isEqualTo(
            "policies.yaml: error: domains[0].actions[0].route: route name \"other\" is reserved:"
                + " the router answers it when no route fits\n");
  }

  @Test
  void route_names_with_surrounding_whitespace_are_rejected() {
    var report =
        PolicyValidator.validate(
            document(TARGETS, group("coding", action(" code review", "Reviewing code.", GPT))));

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.path()).isEqualTo("domains[0].actions[0].name");
              assertThat(issue.message()).contains("leading or trailing whitespace");
            });
  }

  @Test
  void characters_the_answer_cannot_carry_are_named() {
    var report =
        PolicyValidator.validate(
            document(
                TARGETS,
                group(
                    "coding",
                    action("say \"hi\"", "Greetings.", GPT),
                    action("path\\name", "Paths.", GPT),
                    action("two\nlines", "Lines.", GPT),
                    action("bell\u0007", "Bells.", GPT),
                    action("del\u007f", "Deletes.", GPT))));

    assertThat(report.errors())
        .extracting(ValidationIssue::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("a double quote (\")"),
            m -> assertThat(m).contains("a backslash (\\)"),
            m -> assertThat(m).contains("a line break"),
            m -> assertThat(m).contains("U+0007"),
            m -> assertThat(m).contains("U+007F"));
  }

  @Test
  void blank_descriptions_are_errors() {
    var report =
        PolicyValidator.validate(
            document(TARGETS, group("coding", action("code generation", "   ", GPT))));

    assertThat(report.errors())
        .extracting(ValidationIssue::path)
        .containsExactly("domains[0].actions[0].description");
  }

  @Test
  void routes_without_a_target_or_with_an_undeclared_one_are_errors() {
    Action withFallback =
        new Action(
            "a3",
            "translation",
            "Translating text.",
            PolicySettings.targeting(GPT).withFallbackModels(List.of("mistral/large")));

    var report =
        PolicyValidator.validate(
            document(
                TARGETS,
                group(
                    "coding",
                    action("code generation", "Writing code.", null),
                    action("bug fixing", "Fixing bugs.", "google/gemini-2.5-pro"),
                    withFallback)));

    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple("domains[0].actions[0].target", "the route has no target model"),
            tuple(
                "domains[0].actions[1].target",
                "target \"google/gemini-2.5-pro\" is not one of the workspace's model targets"),
            tuple(
                "domains[0].actions[2].fallbacks[0]",
                "fallback \"mistral/large\" is not one of the workspace's model targets"));
  }

  @Test
  void a_coarse_route_without_target_is_reported_under_its_policy_key() {
    var coding =
        new Domain("d1", "coding", "Programming help.", PolicySettings.targeting(""), List.of());

    var report = PolicyValidator.validate(document(TARGETS, coding));

    assertThat(report.errors())
        .extracting(ValidationIssue::path)
        .containsExactly("domains[0].policy.target");
  }

  @Test
  void exactly_one_default_target_is_required() {
    var none =
        PolicyValidator.validate(
            document(List.of(ModelTarget.of(GPT, null, false)), coarse("chat", "Chat.", GPT)));
    var two =
        PolicyValidator.validate(
            document(
                List.of(ModelTarget.of(GPT, null, true), ModelTarget.of(CLAUDE, null, true)),
                coarse("chat", "Chat.", GPT)));
    var empty = PolicyValidator.validate(document(List.of(), coarse("chat", "Chat.", GPT)));

    assertThat(none.errors())
        .extracting(ValidationIssue::message)
        .containsExactly(
            "no target is the default; requests that match no route (\"other\") need one");
    assertThat(two.errors())
        .extracting(ValidationIssue::message)
        .containsExactly("2 targets are marked default; exactly one may be");
    assertThat(empty.errors())
        .extracting(ValidationIssue::message)
        .contains("there are no model targets; add at least the default one");
  }

  @Test
  void duplicate_target_models_and_malformed_model_ids_are_errors() {
    var report =
        PolicyValidator.validate(
            document(
                List.of(
                    ModelTarget.of(GPT, null, true),
                    ModelTarget.of(GPT, null, false),
                    ModelTarget.of("gpt-4o", null, false),
                    ModelTarget.of("openai/", null, false)),
                coarse("chat", "Chat.", GPT)));

    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple(
                "targets[1].model",
                "model \"openai/gpt-4o\" is also targets[0]; the proxy rejects duplicate models"),
            tuple(
                "targets[2].model",
                "model \"gpt-4o\" must be written as provider/model-id, e.g. openai/gpt-4o"),
            tuple(
                "targets[3].model",
                "model \"openai/\" must be written as provider/model-id, e.g. openai/gpt-4o"));
  }

  @Test
  void a_self_hosted_router_needs_a_model_a_web_url_and_a_provider_name_of_its_own() {
    var targets =
        List.of(
            new ModelTarget(GPT, "arch-router", null, "$OPENAI_API_KEY", true, null, "{}"),
            ModelTarget.of(CLAUDE, null, false));
    var coding = group("coding", action("code generation", "Writing new code.", GPT));

    var broken =
        PolicyValidator.validate(
            document(targets, coding)
                .withSelfHostedRouter(new SelfHostedRouter(" ", "localhost:11434", null)));
    var spaced =
        PolicyValidator.validate(
            document(TARGETS, coding)
                .withSelfHostedRouter(
                    new SelfHostedRouter("Arch Router", "https://router.internal", "router")));
    var fine =
        PolicyValidator.validate(
            document(TARGETS, coding)
                .withSelfHostedRouter(
                    new SelfHostedRouter(
                        "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M",
                        "http://localhost:11434",
                        null)));

    assertThat(broken.errors())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple(
                "router.model",
                "the self-hosted router needs a model, e.g."
                    + " hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M"),
            tuple(
                "router.base_url",
                "\"localhost:11434\" is not an http:// or https:// URL, e.g."
                    + " http://localhost:11434"),
            tuple(
                "router.provider_name",
                "provider name \"arch-router\" is also the display name of target openai/gpt-4o;"
                    + " the proxy needs every provider name to be different"));
    assertThat(spaced.errors())
        .extracting(ValidationIssue::message)
        .containsExactly("the router model \"Arch Router\" must not contain spaces");
    assertThat(fine.errors()).isEmpty();
  }

  @Test
  void a_literal_access_key_is_rejected_without_repeating_the_secret() {
    var report =
        PolicyValidator.validate(
            document(
                List.of(
                    ModelTarget.of(GPT, "sk-proj-abc123secret", true),
                    ModelTarget.of(CLAUDE, "ANTHROPIC_API_KEY", false),
                    ModelTarget.of("mistral/large", "${MISTRAL_KEY}", false)),
                coarse("chat", "Chat.", GPT),
                coarse("essays", "Essays.", CLAUDE),
                coarse("french", "French.", "mistral/large")));

    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple(
                "targets[0].access_key",
                "looks like a literal secret; write it as an environment reference such as"
                    + " $OPENAI_API_KEY; RouteBench never stores secrets"),
            tuple(
                "targets[1].access_key",
                "\"ANTHROPIC_API_KEY\" is not an environment reference; write it as"
                    + " $ANTHROPIC_API_KEY (RouteBench never stores secrets)"));
    assertThat(report.format("x")).doesNotContain("abc123secret");
  }

  @Test
  void empty_domain_and_action_names_and_duplicate_actions_are_errors() {
    var report =
        PolicyValidator.validate(
            document(
                TARGETS,
                group(
                    " ",
                    action("", "Something.", GPT),
                    action("summaries", "Summarising documents.", CLAUDE),
                    action("summaries", "Condensing meeting notes.", CLAUDE))));

    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple("domains[0].name", "domain name is empty"),
            tuple("domains[0].actions[0].name", "action name is empty"),
            tuple(
                "domains[0].actions[1].name",
                "route name \"summaries\" is also used by domains[0].actions[2];"
                    + " the proxy rejects duplicate route names"),
            tuple(
                "domains[0].actions[2].name",
                "action \"summaries\" also appears at domains[0].actions[1]"),
            tuple(
                "domains[0].actions[2].name",
                "route name \"summaries\" is also used by domains[0].actions[1];"
                    + " the proxy rejects duplicate route names"));
  }

  @Test
  void a_long_description_is_a_warning_that_says_how_long() {
    String description = "Explaining code. ".repeat(40).strip();

    var report =
        PolicyValidator.validate(
            document(TARGETS, group("coding", action("explain", description, GPT))));

    assertThat(report.hasErrors()).isFalse();
    assertThat(report.warnings())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .contains(
            tuple(
                "domains[0].actions[0].description",
                "description is "
                    + description.length()
                    + " characters long (over 500); every request pays for it in prompt tokens"));
  }

  @Test
  void near_duplicate_descriptions_are_warned_about_naming_both_routes() {
    var report =
        PolicyValidator.validate(
            document(
                TARGETS,
                group(
                    "coding",
                    action("code generation", "Writing new code, from a spec.", GPT),
                    action("codegen", "writing new   code from a SPEC!", CLAUDE))));

    assertThat(report.warnings())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple(
                "domains[0].actions[1].description",
                "description is nearly identical to that of domains[0].actions[0];"
                    + " the router cannot tell the two routes apart"));
  }

  @Test
  void an_empty_group_domain_and_an_unused_target_are_warnings() {
    var report =
        PolicyValidator.validate(
            document(TARGETS, coarse("chat", "Small talk.", GPT), group("research")));

    assertThat(report.hasErrors()).isFalse();
    assertThat(report.warnings())
        .extracting(ValidationIssue::path, ValidationIssue::message)
        .containsExactly(
            tuple("targets[1]", "target \"anthropic/claude-sonnet-4-5\" is not used by any route"),
            tuple(
                "domains[1]",
                "domain \"research\" has no actions and is not a route itself, so the router"
                    + " never sees it"));
  }

  @Test
  void a_target_used_only_as_a_fallback_counts_as_used() {
    Action action =
        new Action(
            "a1",
            "chat",
            "Small talk.",
            PolicySettings.targeting(GPT).withFallbackModels(List.of(CLAUDE)));

    var report = PolicyValidator.validate(document(TARGETS, group("misc", action)));

    assertThat(report.issues()).isEmpty();
  }

  @Test
  void normalising_ignores_case_punctuation_and_spacing() {
    assertThat(PolicyValidator.normalise("  Code-review:\tPRs &  diffs. "))
        .isEqualTo("code review prs diffs");
  }

  static PolicyDocument document(List<ModelTarget> targets, Domain... domains) {
    return new PolicyDocument(
        "test",
        PromptProfile.ARCHGW_V1,
        new Taxonomy(List.of(domains)),
        targets,
        null,
        ProxyConfigExtras.NONE);
  }

  static Domain group(String name, Action... actions) {
    return new Domain("d-" + name, name, "", null, List.of(actions));
  }

  static Domain coarse(String name, String description, String target) {
    return new Domain("d-" + name, name, description, PolicySettings.targeting(target), List.of());
  }

  static Action action(String name, String description, String target) {
    return new Action("a-" + name, name, description, PolicySettings.targeting(target));
  }
}
