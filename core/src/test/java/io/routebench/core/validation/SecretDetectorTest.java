package io.routebench.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDetectorTest {

  @Test
  void known_key_shapes_are_found_and_named_without_the_key() {
    assertThat(SecretDetector.find("sk-proj-abcdefghijklmnopqrstuvwx1234"))
        .contains("an OpenAI-style API key (sk-…)");
    assertThat(SecretDetector.find("sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345"))
        .contains("an Anthropic API key (sk-ant-…)");
    assertThat(SecretDetector.find("token ghp_abcdefghijklmnopqrstuvwxyz0123456789"))
        .contains("a GitHub token (ghp_…)");
    assertThat(SecretDetector.find("AKIAIOSFODNN7EXAMPLE"))
        .contains("an AWS access key id (AKIA…)");
    assertThat(SecretDetector.find("xoxb-123456789012-abcdefABCDEF"))
        .contains("a Slack token (xox…)");
    assertThat(SecretDetector.find("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc"))
        .contains("a bearer token (Bearer …)");
    assertThat(SecretDetector.find("http://admin:hunter2@10.0.0.5:11434"))
        .contains("a password in the URL (user:password@)");
  }

  @Test
  void environment_references_and_ordinary_text_pass() {
    for (String harmless :
        List.of(
            "$OPENAI_API_KEY",
            "${ANTHROPIC_API_KEY}",
            "Bearer $ROUTER_TOKEN",
            "http://user:$PROXY_PASSWORD@proxy:8080",
            "http://localhost:11434/v1",
            "https://user@example.com/v1",
            "Questions about sk-learn, scikit-learn pipelines and the token limit",
            "Explain AWS keys like AKIA... and how to rotate them",
            "Ask a skeptic: sk-12 is a model number",
            "Generating bearer bonds reports for finance",
            "openai/gpt-4o-mini")) {
      assertThat(SecretDetector.find(harmless)).as(harmless).isEmpty();
    }
  }

  @Test
  void literal_values_under_secret_keys_are_found_whatever_their_shape() {
    assertThat(SecretDetector.findUnderKey("api_key", "abc123xyz"))
        .contains("a literal value under 'api_key'");
    assertThat(SecretDetector.findUnderKey("password", "changeme"))
        .contains("a literal value under 'password'");
    assertThat(SecretDetector.findUnderKey("api_key", "$GROQ_API_KEY")).isEmpty();
    assertThat(SecretDetector.findUnderKey("Authorization", "Bearer $TOKEN")).isEmpty();
    assertThat(SecretDetector.findUnderKey("max_tokens", "a long value here")).isEmpty();
    assertThat(SecretDetector.findUnderKey("description", "the api key rotates daily")).isEmpty();
  }

  @Test
  void secrets_deep_in_kept_extras_are_found_with_their_paths() {
    String extras =
        """
        {"listeners": [{"headers": {"Authorization": "Bearer sk-abcdefghijklmnopqrstuvwxyz12"}}],
         "tracing": {"sampling_rate": 0.1},
         "provider": {"api_key": "plainpassword1"}}
        """;

    assertThat(SecretDetector.inJson("", extras))
        .containsExactly(
            new SecretDetector.Finding(
                "listeners[0].headers.Authorization", "an OpenAI-style API key (sk-…)"),
            new SecretDetector.Finding("provider.api_key", "a literal value under 'api_key'"));
  }

  @Test
  void redaction_keeps_the_shape_of_the_text_but_not_the_secret() {
    assertThat(SecretDetector.redact("http://bob:sk-abcdefghijklmnopqrstuvwxyz12@host/v1"))
        .isEqualTo("http://bob:***@host/v1");
    assertThat(SecretDetector.redact("use Bearer abcdef0123456789abcdef please"))
        .isEqualTo("use Bearer *** please");
  }
}
