package io.routebench.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptWrappingTest {

  private static final CustomChatTemplate TEMPLATE =
      new CustomChatTemplate("router.jinja", "{{ messages[0].content }}");

  @Test
  void the_default_is_ollama_with_nothing_added() {
    assertThat(PromptWrapping.DEFAULT.servedBy()).isEqualTo(ServingEngine.OLLAMA);
    assertThat(PromptWrapping.DEFAULT.customTemplateIfAny()).isEmpty();
    assertThat(PromptWrapping.DEFAULT.hasSystemMessage()).isFalse();
    assertThat(ServingEngine.DEFAULT_REASON)
        .contains("hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M")
        .contains("chat-template automap");
  }

  @Test
  void only_engines_that_render_jinja_take_a_template_of_ones_own() {
    assertThatThrownBy(() -> new PromptWrapping(ServingEngine.OLLAMA, TEMPLATE, ""))
        .hasMessageContaining("ollama uses Go templates");
    assertThatThrownBy(() -> new PromptWrapping(ServingEngine.LLAMA_SERVER_NO_JINJA, TEMPLATE, ""))
        .hasMessageContaining("built-in formats");
    var vllm = new PromptWrapping(ServingEngine.VLLM, TEMPLATE, "");

    assertThat(vllm.withServedBy(ServingEngine.LLAMA_SERVER).customTemplate()).isEqualTo(TEMPLATE);
    assertThat(vllm.withServedBy(ServingEngine.OLLAMA).customTemplate()).isNull();
  }

  @Test
  void a_wrapping_is_recorded_in_the_engine_identity_and_read_back() {
    var wrapping = new PromptWrapping(ServingEngine.VLLM, TEMPLATE, "Route well.");
    var identity =
        new EngineIdentity("llama.cpp", "a.gguf", "", PromptProfile.ARCHGW_V1, Map.of("x", "1"))
            .withWrapping(wrapping.recorded());

    assertThat(identity.wrapping()).contains(wrapping.recorded());
    assertThat(identity.settingsBesidesWrapping()).containsExactly(Map.entry("x", "1"));
    assertThat(identity.settings())
        .containsEntry("servedBy", "vllm")
        .containsEntry("systemMessage", "Route well.")
        .hasEntrySatisfying(
            "customChatTemplate", v -> assertThat(v).startsWith("router.jinja sha256:"));
    assertThat(wrapping.summary())
        .startsWith("vllm with template router.jinja sha256:")
        .endsWith(" and a system message");
  }

  @Test
  void identities_from_before_wrappings_were_recorded_read_as_llama_server_when_local() {
    var local = new EngineIdentity("llama.cpp", "a.gguf", "", PromptProfile.ARCHGW_V1, Map.of());
    var server = new EngineIdentity("openai-endpoint", "m", "", PromptProfile.ARCHGW_V1, Map.of());

    assertThat(local.wrapping()).contains(PromptWrapping.BEFORE_SERVED_BY.recorded());
    assertThat(local.wrapping().orElseThrow().servedBy()).isEqualTo(ServingEngine.LLAMA_SERVER);
    assertThat(server.wrapping()).isEmpty();
  }

  @Test
  void every_engine_id_reads_back_and_an_unknown_one_names_them_all() {
    for (ServingEngine engine : ServingEngine.values()) {
      assertThat(ServingEngine.fromId(engine.id())).isEqualTo(engine);
    }
    assertThatThrownBy(() -> ServingEngine.fromId("tgi"))
        .hasMessage(
            "unknown serving engine 'tgi' (expected ollama, vllm, llama-server,"
                + " llama-server-no-jinja)");
  }
}
