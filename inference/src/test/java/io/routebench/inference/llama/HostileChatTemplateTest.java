package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.gguf.ByteLevelVocabulary;
import io.routebench.inference.gguf.QwenGgufBuilder;
import io.routebench.inference.gguf.QwenShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat templates from untrusted model files: never rendered unbounded, never failing silently. */
class HostileChatTemplateTest {

  @TempDir Path dir;

  @Test
  void a_template_that_would_exhaust_memory_is_never_given_to_llama_cpp() throws Exception {
    // Rendered, this grew the process to 21.6 GB; this test would run out of memory.
    Path model =
        modelWithTemplate(
            "range.gguf",
            "{% for i in range(2000000000) %}{{ 'xxxxxxxxxxxxxxxx' }}{% endfor %}"
                + "{% for m in messages %}{{ m.content }}{% endfor %}");
    var warnings = new ArrayList<String>();

    try (LlamaRouteSelector engine = load(model, warnings)) {
      assertThat(engine.usesChatMlFallback()).isTrue();
    }
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("CHAT TEMPLATE NOT USED: range.gguf's chat template was not applied because")
        .contains("RouteBench refused to render it: it uses the number 2000000000");
    assertThat(LlamaEngineLoader.chatTemplateProblem(model)).isPresent();
  }

  @Test
  void a_template_llama_cpp_cannot_parse_is_reported_instead_of_silently_becoming_chatml()
      throws Exception {
    Path model = modelWithTemplate("broken.gguf", "{% if %}{{ system_prompt }}");
    var warnings = new ArrayList<String>();

    try (LlamaRouteSelector engine = load(model, warnings)) {
      assertThat(engine.usesChatMlFallback()).isTrue();
    }
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("llama.cpp could not parse or render it and silently used its built-in ChatML");
    assertThat(LlamaEngineLoader.chatTemplateProblem(model))
        .hasValueSatisfying(w -> assertThat(w).startsWith("CHAT TEMPLATE NOT USED: broken.gguf"));
  }

  @Test
  void the_qwen_template_is_used_without_a_word() throws Exception {
    Path model = modelWithTemplate("qwen.gguf", QwenGgufBuilder.QWEN2_5_CHAT_TEMPLATE);

    assertThat(LlamaEngineLoader.chatTemplateProblem(model)).isEmpty();
  }

  /** Served as llama-server --jinja serves it: the model's template rendered by llama.cpp. */
  private static LlamaRouteSelector load(Path model, ArrayList<String> warnings) {
    return LlamaEngineLoader.load(
        model,
        LlamaEngineSettings.defaults().withContextSize(512),
        PromptWrapping.of(ServingEngine.LLAMA_SERVER),
        warnings::add);
  }

  private Path modelWithTemplate(String name, String template) throws Exception {
    Path model = dir.resolve(name);
    new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
        .chatTemplate(Optional.of(template))
        .write(model);
    return model;
  }
}
