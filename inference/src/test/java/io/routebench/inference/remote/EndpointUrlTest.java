package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:11434",
        "http://localhost:11434/",
        "http://localhost:11434/v1",
        "http://localhost:11434/v1/",
        "  http://localhost:11434/v1/chat/completions  "
      })
  void every_common_spelling_reaches_the_same_endpoint(String baseUrl) {
    EndpointUrl url = EndpointUrl.parse(baseUrl);

    assertThat(url.apiBase()).hasToString("http://localhost:11434/v1");
    assertThat(url.chatCompletions()).hasToString("http://localhost:11434/v1/chat/completions");
    assertThat(url.origin()).isEqualTo("http://localhost:11434");
  }

  @Test
  void a_path_prefix_before_v1_is_kept() {
    EndpointUrl url = EndpointUrl.parse("https://api.example.com/openai");

    assertThat(url.chatCompletions())
        .hasToString("https://api.example.com/openai/v1/chat/completions");
    assertThat(url.origin()).isEqualTo("https://api.example.com");
  }

  @Test
  void malformed_urls_are_rejected_with_the_text_as_typed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointUrl.parse("localhost:11434"))
        .withMessage("endpoint URL must start with http:// or https://: \"localhost:11434\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointUrl.parse("http://local host:1"))
        .withMessageStartingWith("not a valid endpoint URL: \"http://local host:1\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointUrl.parse("http:///v1"))
        .withMessage("endpoint URL has no host: \"http:///v1\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointUrl.parse("http://h/v1?key=1"))
        .withMessage("endpoint URL must not carry a query or fragment: \"http://h/v1?…\"");
  }

  @Test
  void credentials_in_the_url_are_refused_without_being_repeated() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointUrl.parse("http://user:sk-abcdefghijklmnopqrstuvwxyz12@h:8080"))
        .withMessage(
            "the endpoint URL holds a credential (an OpenAI-style API key (sk-…)); it is not used,"
                + " stored or shown. Pass the key with --api-key-env NAME (the name of an"
                + " environment variable holding it) instead");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointUrl.parse("http://admin:hunter2@h:8080/v1"))
        .withMessageContaining("(a password in the URL (user:password@))")
        .withMessageNotContaining("hunter2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EndpointUrl.parse("https://tok3n@h/v1"))
        .withMessageStartingWith("the endpoint URL carries a user name (user@host)")
        .withMessageNotContaining("tok3n");
  }
}
