package io.routebench.inference.llama;

/**
 * How the local engine runs the model. All values influence speed only, never the route chosen
 * (decoding is greedy), except a context too small for the prompt, which is reported as an error.
 *
 * @param threads CPU threads for evaluation
 * @param contextSize KV cache size in tokens; bounds prompt + answer
 * @param batchSize llama.cpp's logical batch size
 * @param gpuLayers layers to offload when the llama.cpp build has a GPU backend: 0 = CPU only,
 *     {@link #AUTO_GPU_LAYERS} = llama.cpp's own default for its build
 * @param chunkTokens prompt tokens evaluated between two cancellation checkpoints; smaller reacts
 *     faster to a superseding keystroke, larger wastes less per-request overhead
 */
public record LlamaEngineSettings(
    int threads, int contextSize, int batchSize, int gpuLayers, int chunkTokens) {

  /**
   * Leaves offloading to llama.cpp: the option is not passed at all, so a CPU-only build stays
   * silent (naming it makes llama.cpp warn on every load) and a GPU build uses its default.
   */
  public static final int AUTO_GPU_LAYERS = -1;

  public LlamaEngineSettings {
    requirePositive("threads", threads);
    requirePositive("context size", contextSize);
    requirePositive("batch size", batchSize);
    if (gpuLayers < AUTO_GPU_LAYERS) {
      throw new IllegalArgumentException(
          "GPU layers must be 0 or more, or " + AUTO_GPU_LAYERS + " for automatic");
    }
    requirePositive("chunk tokens", chunkTokens);
  }

  /** Sensible defaults for this machine: every core, an 8k context (plano's default budget). */
  public static LlamaEngineSettings defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new LlamaEngineSettings(Math.max(1, cores), 8192, 512, AUTO_GPU_LAYERS, 64);
  }

  public LlamaEngineSettings withThreads(int newThreads) {
    return new LlamaEngineSettings(newThreads, contextSize, batchSize, gpuLayers, chunkTokens);
  }

  public LlamaEngineSettings withContextSize(int newContextSize) {
    return new LlamaEngineSettings(threads, newContextSize, batchSize, gpuLayers, chunkTokens);
  }

  public LlamaEngineSettings withBatchSize(int newBatchSize) {
    return new LlamaEngineSettings(threads, contextSize, newBatchSize, gpuLayers, chunkTokens);
  }

  public LlamaEngineSettings withGpuLayers(int newGpuLayers) {
    return new LlamaEngineSettings(threads, contextSize, batchSize, newGpuLayers, chunkTokens);
  }

  public LlamaEngineSettings withChunkTokens(int newChunkTokens) {
    return new LlamaEngineSettings(threads, contextSize, batchSize, gpuLayers, newChunkTokens);
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }
}
