package io.routebench.app.routing;

import io.routebench.app.settings.AppPaths;
import io.routebench.core.routing.RouteSelector;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.llama.FirstLoadCheck;
import io.routebench.inference.llama.LlamaEngineLoader;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * Loads router models into llama.cpp for the workbench, with the engine settings of the time. A
 * file loaded for the first time is loaded in a separate process first ({@link FirstLoadCheck}):
 * one that aborts or crashes llama.cpp, or whose chat template needs too much time or memory, is
 * refused in words and never reaches the workbench's own process.
 */
public final class LlamaCppLoader implements LocalRouter.Loader {

  private final Supplier<LlamaEngineSettings> settings;
  private final FirstLoadCheck firstLoad;

  public LlamaCppLoader(LlamaEngineSettings settings) {
    this(() -> settings);
  }

  /**
   * @param settings read at each load, so that changed settings apply from the next load on
   */
  public LlamaCppLoader(Supplier<LlamaEngineSettings> settings) {
    this(settings, FirstLoadCheck.recordingIn(AppPaths.fromSystem().checkedModelsFile()));
  }

  public LlamaCppLoader(Supplier<LlamaEngineSettings> settings, FirstLoadCheck firstLoad) {
    this.settings = settings;
    this.firstLoad = firstLoad;
  }

  @Override
  public LocalRouter.Loaded load(Path model) {
    GgufModelInfo info = LlamaEngineLoader.inspect(model);
    var warnings = new ArrayList<String>();
    RouteSelector selector = firstLoad.load(model, settings.get(), warnings::add);
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
