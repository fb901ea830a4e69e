package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RecordedWrapping;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.gguf.ByteLevelVocabulary;
import io.routebench.inference.gguf.QwenGgufBuilder;
import io.routebench.inference.gguf.QwenShape;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text the model reads under each serving engine, through the real llama.cpp binding on a tiny
 * model carrying Qwen2.5's chat template (Arch-Router's): A (no system turn) or B (Qwen's default
 * system turn first), byte for byte.
 */
class ServedByWrappingTest {

  @TempDir static Path models;

  private static final String QWEN_SYSTEM =
      "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful"
          + " assistant.<|im_end|>\n";

  private static final RouteRequest REQUEST =
      new RouteRequest(
          List.of(
              new RouteOption("code generation", "Generating new code from a description."),
              new RouteOption("résumé writing", "Writing or improving a CV 😀.")),
          List.of(Message.user("write a parser for dates 📅")),
          PromptProfile.ARCHGW_V1);

  private static final String PROMPT = RouterPromptBuilder.build(REQUEST).text();
  private static final String TEXT_A =
      "<|im_start|>user\n" + PROMPT + "<|im_end|>\n<|im_start|>assistant\n";
  private static final String TEXT_B = QWEN_SYSTEM + TEXT_A;

  @Test
  void ollama_and_llama_server_without_jinja_give_text_a_vllm_and_llama_server_text_b() {
    assertThat(modelInput(PromptWrapping.of(ServingEngine.OLLAMA))).isEqualTo(TEXT_A);
    assertThat(modelInput(PromptWrapping.of(ServingEngine.LLAMA_SERVER_NO_JINJA)))
        .isEqualTo(TEXT_A);
    assertThat(modelInput(PromptWrapping.of(ServingEngine.VLLM))).isEqualTo(TEXT_B);
    assertThat(modelInput(PromptWrapping.of(ServingEngine.LLAMA_SERVER))).isEqualTo(TEXT_B);
    // The proxies' documented setup is the default.
    assertThat(modelInput(PromptWrapping.DEFAULT)).isEqualTo(TEXT_A);
  }

  @Test
  void a_system_message_takes_the_system_turn_under_every_engine() {
    String system = "You route requests. 🧭";
    String expected =
        "<|im_start|>system\n" + system + "<|im_end|>\n" + TEXT_A; // replaces Qwen's default

    for (ServingEngine engine : ServingEngine.values()) {
      assertThat(modelInput(PromptWrapping.of(engine).withSystemMessage(system)))
          .as(engine.id())
          .isEqualTo(expected);
    }
  }

  @Test
  void a_custom_template_is_rendered_by_llama_cpp_in_place_of_the_models() {
    var template =
        new CustomChatTemplate(
            "bracketed.jinja",
            "{% for m in messages %}[{{ m.role }}]\n{{ m.content }}\n[/{{ m.role }}]\n{% endfor %}"
                + "{% if add_generation_prompt %}[assistant]\n{% endif %}");

    for (ServingEngine engine : List.of(ServingEngine.VLLM, ServingEngine.LLAMA_SERVER)) {
      assertThat(modelInput(new PromptWrapping(engine, template, "")))
          .as(engine.id())
          .isEqualTo("[user]\n" + PROMPT + "\n[/user]\n[assistant]\n");
      assertThat(modelInput(new PromptWrapping(engine, template, "Be brief.")))
          .isEqualTo(
              "[system]\nBe brief.\n[/system]\n[user]\n" + PROMPT + "\n[/user]\n[assistant]\n");
    }
  }

  @Test
  void a_custom_template_routebench_refuses_is_refused_before_anything_loads() {
    var hostile =
        new CustomChatTemplate(
            "huge.jinja", "{% for i in range(2000000000) %}x{% endfor %}{{ messages[0].content }}");

    assertThatThrownBy(
            () ->
                LlamaEngineLoader.load(
                    TinyGgufModels.tinyQwen(models),
                    settings(),
                    new PromptWrapping(ServingEngine.VLLM, hostile, ""),
                    w -> {}))
        .isInstanceOf(RoutingException.class)
        .hasMessageStartingWith("The chat template huge.jinja cannot be used: it uses the number");
  }

  @Test
  void a_custom_template_llama_cpp_cannot_parse_is_an_error_not_a_quiet_chatml() {
    var broken = new CustomChatTemplate("broken.jinja", "{% if %}{{ messages }}");

    assertThatThrownBy(
            () ->
                LlamaEngineLoader.load(
                    TinyGgufModels.tinyQwen(models),
                    settings(),
                    new PromptWrapping(ServingEngine.LLAMA_SERVER, broken, ""),
                    w -> {}))
        .isInstanceOf(RoutingException.class)
        .hasMessageStartingWith("The chat template broken.jinja cannot be used:");
  }

  @Test
  void the_engine_identity_records_the_wrapping_and_how_the_text_was_made() {
    var wrapping = PromptWrapping.of(ServingEngine.LLAMA_SERVER_NO_JINJA).withSystemMessage("S");
    try (var engine =
        LlamaEngineLoader.load(TinyGgufModels.tinyQwen(models), settings(), wrapping, w -> {})) {
      assertThat(engine.identity(PromptProfile.ARCHGW_V1).wrapping()).contains(wrapping.recorded());
      assertThat(engine.identity(PromptProfile.ARCHGW_V1).settings())
          .containsEntry(RecordedWrapping.SERVED_BY, "llama-server-no-jinja")
          .containsEntry("chatTemplate", "llama.cpp built-in format");
    }
    try (var engine =
        LlamaEngineLoader.load(
            TinyGgufModels.tinyQwen(models), settings(), PromptWrapping.DEFAULT, w -> {})) {
      assertThat(engine.identity(PromptProfile.ARCHGW_V1).settings())
          .containsEntry(RecordedWrapping.SERVED_BY, "ollama")
          .containsEntry("chatTemplate", "ollama chatml");
    }
  }

  @Test
  void ollama_with_a_template_routebench_cannot_map_says_so_and_uses_the_models_own() {
    Path model = withTemplate("llama3.gguf", LLAMA3_TEMPLATE);
    var warnings = new ArrayList<String>();

    try (var engine =
        LlamaEngineLoader.load(model, settings(), PromptWrapping.DEFAULT, warnings::add)) {
      // Llama 3's template trims the content: the router prompt's leading newline goes.
      assertThat(engine.fullPromptText(REQUEST))
          .isEqualTo(
              "<|start_header_id|>user<|end_header_id|>\n\n"
                  + PROMPT.strip()
                  + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
      assertThat(engine.identity(PromptProfile.ARCHGW_V1).settings())
          .containsEntry("chatTemplate", "model (ollama template unknown)");
    }
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("OLLAMA'S TEMPLATE UNKNOWN: llama3.gguf's chat template is not ChatML");
  }

  @Test
  void llama_server_without_jinja_applies_llama_cpps_built_in_format_for_the_template() {
    Path model = withTemplate("llama3.gguf", LLAMA3_TEMPLATE);
    var warnings = new ArrayList<String>();

    try (var engine =
        LlamaEngineLoader.load(
            model,
            settings(),
            PromptWrapping.of(ServingEngine.LLAMA_SERVER_NO_JINJA),
            warnings::add)) {
      // llama.cpp's built-in Llama 3 format (llm_chat_apply_template) trims the content too.
      assertThat(engine.fullPromptText(REQUEST))
          .isEqualTo(
              "<|start_header_id|>user<|end_header_id|>\n\n"
                  + PROMPT.strip()
                  + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    }
    assertThat(warnings).isEmpty();
  }

  /** Meta's Llama 3 template, as its GGUFs carry it (the part a user-only chat uses). */
  private static final String LLAMA3_TEMPLATE =
      "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content ="
          + " '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+"
          + " message['content'] | trim + '<|eot_id|>' %}{{ content }}{% endfor %}{% if"
          + " add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}"
          + "{% endif %}";

  private static String modelInput(PromptWrapping wrapping) {
    var warnings = new ArrayList<String>();
    try (var engine =
        LlamaEngineLoader.load(
            TinyGgufModels.tinyQwen(models), settings(), wrapping, warnings::add)) {
      assertThat(warnings).as("warnings under " + wrapping.summary()).isEmpty();
      assertThat(engine.modelInput(REQUEST)).contains(engine.fullPromptText(REQUEST));
      return engine.fullPromptText(REQUEST);
    }
  }

  private static Path withTemplate(String name, String template) {
    Path model = models.resolve(name);
    try {
      if (!java.nio.file.Files.exists(model)) {
        new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
            .chatTemplate(Optional.of(template))
            .write(model);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return model;
  }

  private static LlamaEngineSettings settings() {
    return LlamaEngineSettings.defaults().withContextSize(1024);
  }
}
