package io.routebench.app.routing;

import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads real (tiny) models whose selectors remember being closed, in the order they loaded. */
final class ClosingLoader implements LocalRouter.Loader {

  /** Every model this loader loaded, oldest first. */
  final List<ClosingSelector> loaded = new ArrayList<>();

  final LlamaCppLoader llamaCpp =
      new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(2048));

  @Override
  public LocalRouter.Loaded load(Path file) {
    LocalRouter.Loaded real = llamaCpp.load(file);
    var selector = new ClosingSelector(real.selector());
    loaded.add(selector);
    return new LocalRouter.Loaded(file, selector, real.description(), real.warnings());
  }
}
