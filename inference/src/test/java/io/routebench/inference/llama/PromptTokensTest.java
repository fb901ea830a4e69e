package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@link PromptTokens} reaches into the binding's package-private {@code JsonParameters.parameters}
 * map, the one place RouteBench depends on the binding's internals. These tests fail loudly when
 * the binding is upgraded, so whoever upgrades checks that place (or replaces it with a public API
 * the new version may have) instead of finding out from wrong prompts.
 */
class PromptTokensTest {

  @Test
  void the_binding_is_the_version_prompt_tokens_was_written_for() throws Exception {
    var pom = new Properties();
    try (InputStream in =
        LlamaModel.class.getResourceAsStream("/META-INF/maven/de.kherud/llama/pom.properties")) {
      assertThat(in).as("the binding's pom.properties").isNotNull();
      pom.load(in);
    }

    assertThat(pom.getProperty("version"))
        .as(
            "de.kherud:llama was upgraded: check that PromptTokens still sets the prompt as token"
                + " ids (JsonParameters.parameters), or use the new version's own API for it, then"
                + " update this version")
        .isEqualTo("4.2.0");
  }

  @Test
  void the_prompt_goes_to_llama_cpp_as_a_list_of_token_ids() throws Exception {
    var parameters = new InferenceParameters("text that must not be sent").setNPredict(3);

    PromptTokens.withPromptTokens(parameters, new int[] {151644, 872, 198, 99}, 3);

    JsonNode json = new ObjectMapper().readTree(parameters.toString());
    assertThat(json.get("prompt").isArray()).isTrue();
    assertThat(json.get("prompt").toString()).isEqualTo("[151644,872,198]");
    assertThat(json.get("n_predict").asInt()).isEqualTo(3);
  }
}
