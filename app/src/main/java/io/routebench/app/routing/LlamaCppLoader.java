package io.routebench.app.routing;

import io.routebench.core.routing.RouteSelector;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.llama.LlamaEngineLoader;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import java.util.ArrayList;

/** Loads router models into llama.cpp for the workbench, with this machine's default settings. */
public final class LlamaCppLoader implements LocalRouter.Loader {

  private final LlamaEngineSettings settings;

  public LlamaCppLoader(LlamaEngineSettings settings) {
    this.settings = settings;
  }

  @Override
  public LocalRouter.Loaded load(Path model) {
    GgufModelInfo info = LlamaEngineLoader.inspect(model);
    var warnings = new ArrayList<String>();
    RouteSelector selector = LlamaEngineLoader.load(model, settings, warnings::add);
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
