package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.CustomChatTemplate;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.gguf.GgufFormatException;
import io.routebench.inference.gguf.HostileGgufs;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection through real processes: hostile GGUF files are loaded for the first time in a
 * separate JVM running the real llama.cpp binding, which they abort, crash or exhaust, while this
 * JVM (the workbench's stand-in) carries on and says why in words.
 */
class FirstLoadCheckTest {

  private static final LlamaEngineSettings SETTINGS =
      LlamaEngineSettings.defaults().withContextSize(512);

  @TempDir Path dir;

  private FirstLoadCheck check(LoadCheckLimits limits) {
    return new FirstLoadCheck(new CheckedModels(dir.resolve("checked-models.json")), limits);
  }

  private FirstLoadCheck check() {
    return check(LoadCheckLimits.defaults());
  }

  @Test
  void a_sound_model_is_checked_once_and_then_known_by_its_content() throws Exception {
    Path model = TinyGgufModels.tinyQwen(dir);
    FirstLoadCheck check = check();

    FirstLoadCheck.Passed first = check.check(model, SETTINGS);
    Path renamed = Files.copy(model, dir.resolve("renamed.gguf"));
    FirstLoadCheck.Passed again = check.check(renamed, SETTINGS);

    assertThat(first.fromRecord()).isFalse();
    assertThat(first.warnings()).isEmpty();
    assertThat(again.fromRecord()).isTrue();
    assertThat(again.sha256()).isEqualTo(first.sha256());
    assertThat(Files.readString(dir.resolve("checked-models.json")))
        .contains(first.sha256())
        .contains(LlamaEngineLoader.BINDING);
    try (LlamaRouteSelector engine = check.load(model, SETTINGS, w -> {})) {
      assertThat(engine.identity(PromptProfile.ARCHGW_V1).modelSha256()).isEqualTo(first.sha256());
    }
  }

  @Test
  void an_assertion_in_llama_cpp_ends_the_separate_process_and_is_named() {
    Path model = HostileGgufs.abortingOnLoad(dir);

    assertThatThrownBy(() -> check().check(model, SETTINGS))
        .isInstanceOf(RoutingException.class)
        .hasMessageStartingWith(
            "llama.cpp crashed reading aborting.gguf (assertion n_embd_head == hparams.n_rot"
                + " failed in src/llama-model.cpp:")
        .hasMessageContaining("It ran in a separate process");
    assertThat(dir.resolve("checked-models.json")).doesNotExist();
  }

  @Test
  void a_template_that_crashes_llama_cpp_is_named_as_the_cause() {
    Path model = HostileGgufs.crashingTemplate(dir);

    assertThatThrownBy(() -> check().check(model, SETTINGS))
        .hasMessageStartingWith(
            "llama.cpp crashed rendering crashing.gguf's chat template (segmentation fault).");
  }

  @Test
  void a_template_that_eats_memory_is_stopped_at_its_limit() {
    assumeTrue(
        System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"),
        "memory limits need Linux");
    Path model = HostileGgufs.memoryHungryTemplate(dir);
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                check(LoadCheckLimits.defaults().withTemplateMemory(256L << 20))
                    .check(model, SETTINGS))
        .hasMessageStartingWith(
            "memory-hungry.gguf: its chat template needed more than 256 MB of memory to render;"
                + " RouteBench stopped it.");
    // Stopped as it grew, not at the end of the template's time.
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(LoadCheckLimits.defaults().templateTime());
  }

  @Test
  void a_template_that_runs_for_minutes_is_stopped_at_its_time_limit() {
    Path model = HostileGgufs.slowTemplate(dir);

    assertThatThrownBy(
            () ->
                check(LoadCheckLimits.defaults().withTemplateTime(Duration.ofSeconds(10)))
                    .check(model, SETTINGS))
        .hasMessageStartingWith(
            "slow.gguf: its chat template needed more than 10 s to render; RouteBench stopped it.");
  }

  /** The user gave up the load: the separate process goes at once, and nothing is recorded. */
  @Test
  void a_cancelled_check_kills_its_process_and_records_nothing() {
    Path model = HostileGgufs.slowTemplate(dir);
    var cancellation = new CancellationToken();
    cancellation.cancel();
    FirstLoadCheck check =
        check(LoadCheckLimits.defaults().withTemplateTime(Duration.ofMinutes(10)));

    assertThatThrownBy(() -> check.check(model, SETTINGS, cancellation))
        .isInstanceOf(RoutingCancelledException.class);

    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(dir.resolve("checked-models.json")).doesNotExist();
  }

  /**
   * The user's own chat template is rendered by llama.cpp in this process after the load: it is
   * rendered once in a separate process first, with the template limits, as a model's own is.
   */
  @Test
  void a_chat_template_of_the_users_own_that_runs_for_minutes_is_stopped_apart() {
    Path model = TinyGgufModels.tinyQwen(dir);
    var slow =
        new CustomChatTemplate(
            "slow.jinja",
            "{% for i in range(1000) %}{% for j in range(1000) %}"
                + "{% for k in range(1000) %}{% endfor %}{% endfor %}{% endfor %}"
                + "{% for m in messages %}{{ m.content }}{% endfor %}");
    FirstLoadCheck check =
        check(LoadCheckLimits.defaults().withTemplateTime(Duration.ofSeconds(10)));

    assertThatThrownBy(
            () ->
                check.load(
                    model,
                    SETTINGS,
                    PromptWrapping.of(ServingEngine.VLLM).withCustomTemplate(slow),
                    w -> {}))
        .isInstanceOf(RoutingException.class)
        .hasMessageStartingWith(
            "slow.jinja: its chat template needed more than 10 s to render; RouteBench stopped it.");
  }

  @Test
  void a_sound_chat_template_of_the_users_own_is_checked_once_and_then_known() throws Exception {
    Path model = TinyGgufModels.tinyQwen(dir);
    var chatml =
        new CustomChatTemplate(
            "chatml.jinja",
            "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n"
                + "{% endfor %}<|im_start|>assistant\n");
    PromptWrapping wrapping = PromptWrapping.of(ServingEngine.VLLM).withCustomTemplate(chatml);
    FirstLoadCheck check = check();

    try (LlamaRouteSelector engine = check.load(model, SETTINGS, wrapping, w -> {})) {
      assertThat(engine.identity(PromptProfile.ARCHGW_V1).modelSha256()).isNotBlank();
    }
    String record = Files.readString(dir.resolve("checked-models.json"));
    assertThat(record).contains("chatml.jinja");
    check.checkTemplate(chatml, SETTINGS, CancellationToken.none()); // from the record
    assertThat(Files.readString(dir.resolve("checked-models.json"))).isEqualTo(record);
  }

  @Test
  void a_file_llama_cpp_refuses_without_crashing_keeps_llama_cpps_reason() {
    Path model = HostileGgufs.missingLayers(dir);

    assertThatThrownBy(() -> check().check(model, SETTINGS))
        .hasMessageStartingWith("llama.cpp could not load missing-layers.gguf");
  }

  @Test
  void what_the_load_said_about_the_template_is_kept_with_the_record() throws Exception {
    Path model = dir.resolve("broken-template.gguf");
    HostileGgufs.builder().chatTemplate(Optional.of("{% if %}{{ system_prompt }}")).write(model);
    FirstLoadCheck check = check();

    FirstLoadCheck.Passed first = check.check(model, SETTINGS);
    FirstLoadCheck.Passed again = check.check(model, SETTINGS);

    assertThat(first.warnings())
        .singleElement()
        .asString()
        .contains("llama.cpp could not parse or render it");
    assertThat(again.fromRecord()).isTrue();
    assertThat(again.warnings()).isEqualTo(first.warnings());
  }

  @Test
  void a_header_llama_cpp_would_abort_on_is_refused_before_any_process_starts() {
    Path model = dir.resolve("empty-key.gguf");
    write(HostileGgufs.builder().editMetadata(gguf -> gguf.putString("", "x")), model);

    assertThatThrownBy(() -> check().check(model, SETTINGS))
        .isInstanceOf(RoutingException.class)
        .hasCauseInstanceOf(GgufFormatException.class)
        .hasMessageContaining(
            "empty-key.gguf is corrupt: its header declares an empty metadata key");
  }

  private static void write(io.routebench.inference.gguf.QwenGgufBuilder builder, Path file) {
    try {
      builder.write(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
