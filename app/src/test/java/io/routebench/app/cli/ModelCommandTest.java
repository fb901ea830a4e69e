package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.inference.gguf.GgufMetadataReader;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code routebench model}: what a GGUF file is, from its header, and whether it can run. */
class ModelCommandTest {

  @TempDir Path models;

  @Test
  void a_router_model_is_described_and_accepted() {
    Path model = TinyGgufModels.tinyQwen(models);
    var info = GgufMetadataReader.read(model);

    CliRun run = CliRun.of("model", model.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("file           tiny-qwen2.gguf (")
        .contains("architecture   qwen2\n")
        .contains("parameters     " + info.parameterCountLabel() + " (")
        .contains("chat template  present: wraps the router prompt as production does")
        .contains("tokenizer      gpt2 / qwen2, " + info.vocabularySize() + " tokens")
        .contains("licence        not stated in the file\n")
        .contains("GGUF version   3");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void a_model_without_chat_template_is_accepted_with_the_fallback_named() {
    CliRun run = CliRun.of("model", TinyGgufModels.tinyQwenWithoutTemplate(models).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("chat template  absent: RouteBench falls back to ChatML");
  }

  @Test
  void json_output_carries_every_fact() throws Exception {
    Path model = TinyGgufModels.tinyQwen(models);

    CliRun run = CliRun.of("model", "--json", model.toString());

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("architecture").asText()).isEqualTo("qwen2");
    assertThat(json.get("supported").asBoolean()).isTrue();
    assertThat(json.get("chat_template").asBoolean()).isTrue();
    assertThat(json.get("file_size").asLong()).isEqualTo(model.toFile().length());
    assertThat(json.get("gguf_version").asInt()).isEqualTo(3);
  }

  @Test
  void an_architecture_llama_cpp_cannot_run_is_described_and_refused() {
    CliRun run = CliRun.of("model", TinyGgufModels.unsupportedArchitecture(models).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("architecture   routebenchnet (not supported by this llama.cpp build)");
    assertThat(run.err())
        .contains("has architecture 'routebenchnet', which this llama.cpp build cannot run");
  }

  @Test
  void a_file_that_is_not_a_gguf_or_is_missing_is_an_error_naming_it() {
    CliRun notGguf = CliRun.of("model", TinyGgufModels.notAGguf(models).toString());
    CliRun missing = CliRun.of("model", models.resolve("absent.gguf").toString());

    assertThat(notGguf.exitCode()).isEqualTo(1);
    assertThat(notGguf.err()).startsWith("routebench: ").contains("notes.gguf");
    assertThat(notGguf.out()).isEmpty();
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("routebench: Model file not found: " + models.resolve("absent.gguf") + "\n");
  }

  @Test
  void a_template_llama_cpp_cannot_render_is_named_not_called_production_like() throws Exception {
    Path model = models.resolve("broken-template.gguf");
    new io.routebench.inference.gguf.QwenGgufBuilder(
            io.routebench.inference.gguf.QwenShape.TINY,
            io.routebench.inference.gguf.ByteLevelVocabulary.create())
        .chatTemplate(java.util.Optional.of("{% if %}{{ oops }}"))
        .write(model);

    CliRun run = CliRun.of("model", model.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("chat template  present but NOT USED")
        .doesNotContain("as production does");
    assertThat(run.err()).contains("warning: CHAT TEMPLATE NOT USED: broken-template.gguf");
  }
}
