package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.RouteOrder;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportedDomainsTest {

  /** The shape of plano's own demos: routes of one area spread over several models. */
  private static final String PLANO_DEMO =
      """
      version: v0.4.0
      listeners:
        - type: model
          name: model_listener
          port: 12000
      model_providers:
        - model: openai/gpt-5-2025-08-07
          access_key: $OPENAI_API_KEY
          default: true
        - model: openai/gpt-4o-mini
          access_key: $OPENAI_API_KEY
        - model: anthropic/claude-sonnet-4-5
          access_key: $ANTHROPIC_API_KEY
      routing_preferences:
        - name: code_generation
          description: generating new code, writing functions, or creating boilerplate
          models: [anthropic/claude-sonnet-4-5, openai/gpt-5-2025-08-07]
        - name: Code-Understanding
          description: understand and explain existing code snippets, functions, or libraries
          models: [openai/gpt-5-2025-08-07]
        - name: writing.email
          description: drafting or polishing an email
          models: [openai/gpt-4o-mini]
        - name: code review
          description: "reviewing a diff: bugs, style and risk"
          models: [anthropic/claude-sonnet-4-5]
        - name: weather
          description: questions about the weather
          models: [openai/gpt-4o-mini]
        - name: writing/blog
          description: writing a blog post
          models: [openai/gpt-5-2025-08-07]
      """;

  @Test
  void plano_routes_are_grouped_by_the_leading_word_of_their_names_not_by_model() {
    ProxyImportResult result = ProxyConfigImporter.importConfig("plano_config.yaml", PLANO_DEMO);
    List<Domain> domains = result.document().taxonomy().domains();

    assertThat(domains).extracting(Domain::name).containsExactly("code", "writing", "general");
    assertThat(domains.get(0).actions())
        .extracting(Action::name)
        .containsExactly("code_generation", "Code-Understanding", "code review");
    assertThat(domains.get(1).actions())
        .extracting(Action::name)
        .containsExactly("writing.email", "writing/blog");
    assertThat(domains.get(2).actions()).extracting(Action::name).containsExactly("weather");
    assertThat(domains)
        .extracting(Domain::description)
        .containsExactly(
            "Routes imported from plano_config.yaml whose names start with “code”.",
            "Routes imported from plano_config.yaml whose names start with “writing”.",
            "Routes imported from plano_config.yaml whose names share their first word with no"
                + " other route.");
    assertThat(domains).allSatisfy(domain -> assertThat(domain.isCoarsePolicy()).isFalse());
  }

  @Test
  void the_grouping_keeps_each_targets_routes_in_the_order_an_export_writes_them() {
    ProxyImportResult result = ProxyConfigImporter.importConfig("plano_config.yaml", PLANO_DEMO);

    // Exports list routes by target in the Targets tab's order, each target's in config order.
    assertThat(RouteOrder.routeNames(result.document()))
        .containsExactly(
            "Code-Understanding",
            "writing/blog",
            "writing.email",
            "weather",
            "code_generation",
            "code review");
  }

  @Test
  void groups_whose_routes_alternate_on_one_target_are_merged_to_keep_that_order() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "alternating.yaml",
            """
            version: v0.4.0
            model_providers:
              - model: openai/gpt-4o
                default: true
            routing_preferences:
              - {name: code_generation, description: new code, models: [openai/gpt-4o]}
              - {name: writing_email, description: emails, models: [openai/gpt-4o]}
              - {name: code_review, description: reviews, models: [openai/gpt-4o]}
              - {name: writing_blog, description: blog posts, models: [openai/gpt-4o]}
            """);
    PolicyDocument document = result.document();

    assertThat(document.taxonomy().domains()).extracting(Domain::name).containsExactly("code");
    assertThat(document.taxonomy().domains().get(0).description())
        .isEqualTo(
            "Routes imported from alternating.yaml whose names start with “code”. Also holds"
                + " “writing_email”, “writing_blog”, so that each model's routes stay in the"
                + " config's order.");
    assertThat(RouteOrder.routeNames(document)).isEqualTo(result.routeOrder());
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void archgw_providers_with_names_of_their_own_stay_one_domain_each() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "arch_config.yaml",
            """
            version: v0.3.0
            listeners:
              egress_traffic:
                address: 0.0.0.0
                port: 12000
            model_providers:
              - name: coder
                model: anthropic/claude-sonnet-4-5
                access_key: $ANTHROPIC_API_KEY
                routing_preferences:
                  - {name: code generation, description: writing new code}
                  - {name: debugging, description: finding and fixing bugs}
              - name: Quick answers
                model: openai/gpt-4o-mini
                access_key: $OPENAI_API_KEY
                default: true
                routing_preferences:
                  - {name: small talk, description: greetings and chit-chat}
            """);
    List<Domain> domains = result.document().taxonomy().domains();

    assertThat(domains).extracting(Domain::name).containsExactly("coder", "Quick answers");
    assertThat(domains.get(0).description())
        .isEqualTo(
            "Routes imported from arch_config.yaml that the provider coder"
                + " (anthropic/claude-sonnet-4-5) serves.");
    assertThat(domains.get(0).actions())
        .extracting(Action::name)
        .containsExactly("code generation", "debugging");
  }

  @Test
  void archgw_providers_without_a_name_of_their_own_are_grouped_by_route_words() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "arch_config.yaml",
            """
            version: v0.3.0
            model_providers:
              - name: coder
                model: anthropic/claude-sonnet-4-5
                routing_preferences:
                  - {name: code generation, description: writing new code}
              - model: openai/gpt-4o
                default: true
                routing_preferences:
                  - {name: code review, description: reviewing a diff}
                  - {name: small talk, description: greetings and chit-chat}
            """);

    assertThat(result.document().taxonomy().domains())
        .extracting(Domain::name)
        .containsExactly("code", "general");
  }

  @Test
  void a_route_named_like_its_domain_is_valid_since_the_domain_is_no_route() {
    ProxyImportResult result =
        ProxyConfigImporter.importConfig(
            "plano_config.yaml",
            """
            version: v0.4.0
            model_providers:
              - model: openai/gpt-4o
                default: true
            routing_preferences:
              - {name: code, description: anything about code, models: [openai/gpt-4o]}
              - {name: code_review, description: reviewing a diff, models: [openai/gpt-4o]}
            """);

    assertThat(result.document().taxonomy().domains())
        .singleElement()
        .satisfies(domain -> assertThat(domain.name()).isEqualTo("code"));
    assertThat(PolicyValidator.validate(result.document()).errors()).isEmpty();
    assertThat(
            PolicyValidator.validate(
                    ProxyConfigImporter.importConfig("plano_config.yaml", PLANO_DEMO).document())
                .errors())
        .isEmpty();
  }

  @Test
  void a_leading_word_is_split_on_separators_and_compared_without_case() {
    assertThat(ImportedDomains.leadingWord("code_generation")).isEqualTo("code");
    assertThat(ImportedDomains.leadingWord("Code-Review")).isEqualTo("code");
    assertThat(ImportedDomains.leadingWord("  code understanding")).isEqualTo("code");
    assertThat(ImportedDomains.leadingWord("writing/blog")).isEqualTo("writing");
    assertThat(ImportedDomains.leadingWord("v1.summary")).isEqualTo("v1");
    assertThat(ImportedDomains.leadingWord("__")).isEmpty();
  }

  @Test
  void a_provider_name_that_repeats_its_model_id_is_not_a_name_of_its_own() {
    assertThat(ownName("gpt-4o", "openai/gpt-4o")).isFalse();
    assertThat(ownName("claude-sonnet", "anthropic/claude-sonnet-4-5")).isFalse();
    assertThat(ownName("openai/gpt-4o", "openai/gpt-4o")).isFalse();
    assertThat(ownName("", "openai/gpt-4o")).isFalse();
    assertThat(ownName("coder", "anthropic/claude-sonnet-4-5")).isTrue();
    assertThat(ownName("gpt", "openai/gpt4")).isTrue();
  }

  private static boolean ownName(String name, String model) {
    var provider = Yaml.JSON.createObjectNode().put("name", name).put("model", model);
    return ProxyConfigImporter.hasOwnName(provider);
  }
}
