package io.routebench.app.routing;

import io.routebench.app.settings.AppPaths;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.ServerWrappedSelector;
import io.routebench.inference.gguf.GgufModelInfo;
import io.routebench.inference.llama.FirstLoadCheck;
import io.routebench.inference.llama.LlamaEngineLoader;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * Loads router models into llama.cpp for the workbench, with the engine settings of the time, and
 * wrapping the prompt as the open workspace's serving engine does. A file loaded for the first time
 * is loaded in a separate process first ({@link FirstLoadCheck}): one that aborts or crashes
 * llama.cpp, or whose chat template needs too much time or memory, is refused in words and never
 * reaches the workbench's own process.
 */
public final class LlamaCppLoader implements LocalRouter.Loader {

  private final Supplier<LlamaEngineSettings> settings;
  private final FirstLoadCheck firstLoad;
  private final Supplier<PromptWrapping> wrapping;

  public LlamaCppLoader(LlamaEngineSettings settings) {
    this(() -> settings, () -> PromptWrapping.DEFAULT);
  }

  /** Wrapping as {@link PromptWrapping#DEFAULT}, with the settings read at each load. */
  public LlamaCppLoader(Supplier<LlamaEngineSettings> settings) {
    this(settings, () -> PromptWrapping.DEFAULT);
  }

  /**
   * @param settings read at each load, so that changed settings apply from the next load on
   * @param wrapping read at each load (on the engine thread): how the serving engine wraps the
   *     prompt ({@link WrappingFollower.Current})
   */
  public LlamaCppLoader(Supplier<LlamaEngineSettings> settings, Supplier<PromptWrapping> wrapping) {
    this(settings, FirstLoadCheck.recordingIn(AppPaths.fromSystem().checkedModelsFile()), wrapping);
  }

  /** Wrapping as {@link PromptWrapping#DEFAULT}, with the first-load check given. */
  public LlamaCppLoader(Supplier<LlamaEngineSettings> settings, FirstLoadCheck firstLoad) {
    this(settings, firstLoad, () -> PromptWrapping.DEFAULT);
  }

  /**
   * @param firstLoad checks a file in a separate process before it is loaded here
   */
  public LlamaCppLoader(
      Supplier<LlamaEngineSettings> settings,
      FirstLoadCheck firstLoad,
      Supplier<PromptWrapping> wrapping) {
    this.settings = settings;
    this.firstLoad = firstLoad;
    this.wrapping = wrapping;
  }

  @Override
  public LocalRouter.Loaded load(Path model) {
    return load(model, CancellationToken.none());
  }

  /** Cancelling stops the first-load check's process at once (the user gave up the load). */
  @Override
  public LocalRouter.Loaded load(Path model, CancellationToken cancellation) {
    GgufModelInfo info = LlamaEngineLoader.inspect(model);
    var warnings = new ArrayList<String>();
    PromptWrapping wrapped = wrapping.get();
    RouteSelector selector =
        firstLoad.load(model, settings.get(), wrapped, warnings::add, cancellation);
    String description =
        model.getFileName()
            + " · "
            + info.architecture()
            + " · "
            + info.parameterCountLabel()
            + " parameters · "
            + info.fileType()
            + " · wrapped as "
            + wrapped.summary()
            + " wraps it"
            + (warnings.isEmpty() ? "" : " · " + String.join(" ", warnings));
    return new LocalRouter.Loaded(model, selector, description, warnings);
  }

  /** A server wraps the prompt itself: the workspace's wrapping is recorded as what it does. */
  @Override
  public LocalRouter.Loaded connect(OpenAiEndpointSettings endpoint) {
    LocalRouter.Loaded connected = EndpointConnector.connect(endpoint);
    PromptWrapping declared = wrapping.get();
    return new LocalRouter.Loaded(
        connected.source(),
        new ServerWrappedSelector(connected.selector(), declared),
        connected.description()
            + " · said to wrap the prompt as "
            + declared.summary()
            + " does (Connect… checks it)",
        connected.warnings());
  }
}
