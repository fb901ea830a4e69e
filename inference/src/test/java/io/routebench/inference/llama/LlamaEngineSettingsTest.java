package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlamaEngineSettingsTest {

  @Test
  void the_defaults_use_every_core_and_leave_offloading_to_llama_cpp() {
    LlamaEngineSettings defaults = LlamaEngineSettings.defaults();

    assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(defaults.gpuLayers()).isEqualTo(LlamaEngineSettings.AUTO_GPU_LAYERS);
    assertThat(defaults.contextSize()).isEqualTo(8192);
  }

  @Test
  void gpu_layers_are_automatic_zero_for_cpu_only_or_a_count() {
    assertThat(LlamaEngineSettings.defaults().withGpuLayers(0).gpuLayers()).isZero();
    assertThat(LlamaEngineSettings.defaults().withGpuLayers(28).gpuLayers()).isEqualTo(28);
    assertThatThrownBy(() -> LlamaEngineSettings.defaults().withGpuLayers(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GPU layers must be 0 or more, or -1 for automatic");
  }

  @Test
  void sizes_must_be_positive() {
    assertThatThrownBy(() -> LlamaEngineSettings.defaults().withContextSize(0))
        .hasMessage("context size must be positive, was 0");
    assertThatThrownBy(() -> LlamaEngineSettings.defaults().withChunkTokens(-5))
        .hasMessage("chunk tokens must be positive, was -5");
  }
}
