package io.routebench.app.routing;

import io.routebench.app.settings.SettingsStore;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The local engine's options as the user edits them: threads, context size and GPU layers, checked
 * as they are typed, stored for the next load.
 */
final class EngineSettingsViewModel {

  static final int MIN_CONTEXT = 512;
  static final int MAX_CONTEXT = 131_072;
  static final int MAX_THREADS = 512;
  static final int MAX_GPU_LAYERS = 999;

  private final SettingsStore settings;
  private final LlamaEngineSettings stored;
  private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads");
  private final IntegerProperty contextSize = new SimpleIntegerProperty(this, "contextSize");
  private final IntegerProperty gpuLayers = new SimpleIntegerProperty(this, "gpuLayers");
  private final StringBinding problem;

  EngineSettingsViewModel(SettingsStore settings) {
    this.settings = settings;
    this.stored = StoredEngineSettings.read(settings.current());
    show(stored);
    problem =
        Bindings.createStringBinding(
            () -> problemWith(threads.get(), contextSize.get(), gpuLayers.get()).orElse(""),
            threads,
            contextSize,
            gpuLayers);
  }

  IntegerProperty threadsProperty() {
    return threads;
  }

  IntegerProperty contextSizeProperty() {
    return contextSize;
  }

  IntegerProperty gpuLayersProperty() {
    return gpuLayers;
  }

  /** Why the values cannot be saved, or {@code ""}. */
  StringBinding problemProperty() {
    return problem;
  }

  /** Whether the values differ from those stored, so that a loaded model would load otherwise. */
  boolean changed() {
    return !edited().equals(stored);
  }

  /** This machine's defaults, shown (not saved until Save). */
  void resetToDefaults() {
    show(LlamaEngineSettings.defaults());
  }

  /** Stores the values for the next load; refused (false) while they have a problem. */
  boolean save() {
    if (!problem.get().isEmpty()) {
      return false;
    }
    settings.update(StoredEngineSettings.write(edited()));
    return true;
  }

  private LlamaEngineSettings edited() {
    return stored
        .withThreads(threads.get())
        .withContextSize(contextSize.get())
        .withGpuLayers(gpuLayers.get());
  }

  private void show(LlamaEngineSettings engine) {
    threads.set(engine.threads());
    contextSize.set(engine.contextSize());
    gpuLayers.set(engine.gpuLayers());
  }

  static Optional<String> problemWith(int threads, int contextSize, int gpuLayers) {
    if (threads < 1 || threads > MAX_THREADS) {
      return Optional.of("Threads must be between 1 and " + MAX_THREADS + ".");
    }
    if (contextSize < MIN_CONTEXT || contextSize > MAX_CONTEXT) {
      return Optional.of(
          "The context size must be between "
              + MIN_CONTEXT
              + " and "
              + MAX_CONTEXT
              + " tokens: it holds the router prompt (every route's description) and the"
              + " conversation.");
    }
    if (gpuLayers < LlamaEngineSettings.AUTO_GPU_LAYERS || gpuLayers > MAX_GPU_LAYERS) {
      return Optional.of("GPU layers must be auto, 0 (CPU only) or up to " + MAX_GPU_LAYERS + ".");
    }
    return Optional.empty();
  }
}
