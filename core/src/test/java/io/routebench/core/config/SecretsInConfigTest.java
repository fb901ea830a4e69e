package io.routebench.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationIssue;
import org.junit.jupiter.api.Test;

/** Secrets anywhere an imported config keeps strings are errors, and no message repeats them. */
class SecretsInConfigTest {

  private static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwx1234";

  @Test
  void secrets_outside_access_key_are_errors_that_never_quote_the_secret() {
    String config =
        """
        version: v0.3.0
        headers:
          Authorization: Bearer %1$s
        model_providers:
          - model: openai/gpt-4o
            access_key: %1$s
            default: true
          - model: groq/llama-3.1-8b
            base_url: https://bob:hunter22@api.groq.example/v1
            api_key: %1$s
            access_key: $GROQ_API_KEY
            routing_preferences:
              - name: code generation
                description: writing new code
        """
            .formatted(KEY);

    var report = PolicyValidator.validate(ConfigFiles.readPolicies("c.yaml", config).document());

    assertThat(report.errors())
        .extracting(ValidationIssue::path)
        .contains(
            "targets[0].access_key",
            "targets[1].base_url",
            "targets[1].api_key",
            "headers.Authorization");
    assertThat(report.format("c.yaml")).doesNotContain(KEY).doesNotContain("hunter22");
    assertThat(report.errors())
        .filteredOn(issue -> issue.path().equals("targets[1].base_url"))
        .singleElement()
        .extracting(ValidationIssue::message)
        .asString()
        .startsWith("holds a literal secret (a password in the URL (user:password@)); ")
        .endsWith("write an environment reference such as $OPENAI_API_KEY instead");
  }

  @Test
  void environment_references_everywhere_pass() {
    String config =
        """
        version: v0.3.0
        headers:
          Authorization: Bearer $PROXY_TOKEN
        model_providers:
          - model: openai/gpt-4o
            access_key: $OPENAI_API_KEY
            api_key: ${OPENAI_API_KEY}
            default: true
            routing_preferences:
              - name: code generation
                description: writing code that calls the OpenAI API with an sk- key from env
        """;

    var report = PolicyValidator.validate(ConfigFiles.readPolicies("ok.yaml", config).document());

    assertThat(report.errors()).isEmpty();
  }
}
