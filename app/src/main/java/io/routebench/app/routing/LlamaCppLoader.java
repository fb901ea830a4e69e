package io.routebench.app.routing;

import io.routebench.core.routing.RouteSelector;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.llama.LlamaEngineLoader;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Supplier;

/** Loads router models into llama.cpp for the workbench, with the engine settings of the time. */
public final class LlamaCppLoader implements LocalRouter.Loader {

  private final Supplier<LlamaEngineSettings> settings;

  public LlamaCppLoader(LlamaEngineSettings settings) {
    this(() -> settings);
  }

  /**
   * @param settings read at each load, so that changed settings apply from the next load on
   */
  public LlamaCppLoader(Supplier<LlamaEngineSettings> settings) {
    this.settings = settings;
  }

  @Override
  public LocalRouter.Loaded load(Path model) {
    GgufModelInfo info = LlamaEngineLoader.inspect(model);
    var warnings = new ArrayList<String>();
    RouteSelector selector = LlamaEngineLoader.load(model, settings.get(), warnings::add);
    String description =
        model.getFileName()
            + " · "
            + info.architecture()
            + " · "
            + info.parameterCountLabel()
            + " parameters · "
            + info.fileType()
            + (warnings.isEmpty() ? "" : " · " + String.join(" ", warnings));
    return new LocalRouter.Loaded(model, selector, description, warnings);
  }
}
