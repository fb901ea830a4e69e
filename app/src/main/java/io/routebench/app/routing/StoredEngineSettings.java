package io.routebench.app.routing;

import io.routebench.app.settings.AppSettings;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.util.function.UnaryOperator;

/**
 * The local engine's options as the settings file keeps them: only what the user changed from this
 * machine's defaults, so that "all cores" stays all cores on a machine with more of them, and a
 * value that cannot be used (edited by hand, written by another version) falls back to its default
 * instead of failing every load.
 */
public final class StoredEngineSettings {

  static final String THREADS = "threads";
  static final String CONTEXT_SIZE = "contextSize";
  static final String BATCH_SIZE = "batchSize";
  static final String GPU_LAYERS = "gpuLayers";

  private StoredEngineSettings() {}

  /** The engine settings the next load uses. */
  public static LlamaEngineSettings read(AppSettings settings) {
    LlamaEngineSettings engine = LlamaEngineSettings.defaults();
    engine = apply(engine, settings, THREADS, LlamaEngineSettings::withThreads);
    engine = apply(engine, settings, CONTEXT_SIZE, LlamaEngineSettings::withContextSize);
    engine = apply(engine, settings, BATCH_SIZE, LlamaEngineSettings::withBatchSize);
    return apply(engine, settings, GPU_LAYERS, LlamaEngineSettings::withGpuLayers);
  }

  /** Stores {@code engine}, dropping each value that is this machine's default. */
  public static UnaryOperator<AppSettings> write(LlamaEngineSettings engine) {
    LlamaEngineSettings defaults = LlamaEngineSettings.defaults();
    return s ->
        s.withEngineSetting(THREADS, changed(engine.threads(), defaults.threads()))
            .withEngineSetting(CONTEXT_SIZE, changed(engine.contextSize(), defaults.contextSize()))
            .withEngineSetting(BATCH_SIZE, changed(engine.batchSize(), defaults.batchSize()))
            .withEngineSetting(GPU_LAYERS, changed(engine.gpuLayers(), defaults.gpuLayers()));
  }

  private static String changed(int value, int byDefault) {
    return value == byDefault ? null : Integer.toString(value);
  }

  private interface With {
    LlamaEngineSettings apply(LlamaEngineSettings engine, int value);
  }

  private static LlamaEngineSettings apply(
      LlamaEngineSettings engine, AppSettings settings, String key, With with) {
    String stored = settings.engineSettings().get(key);
    if (stored == null) {
      return engine;
    }
    try {
      return with.apply(engine, Integer.parseInt(stored.strip()));
    } catch (IllegalArgumentException unusable) {
      // NumberFormatException is one: not a number, or out of range for the engine.
      return engine;
    }
  }
}
