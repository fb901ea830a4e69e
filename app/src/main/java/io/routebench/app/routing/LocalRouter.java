package io.routebench.app.routing;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.TaskHandle;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionCall;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.DecisionListener;
import io.routebench.core.routing.LiveRoutingSession;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RoutingException;
import io.routebench.inference.prompt.DecisionExplainer;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.PlanoListenerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The router model loaded into this workbench and the routing service of the playtest of whichever
 * workspace is open: one engine on one thread, because llama.cpp contexts are not thread-safe.
 * Loading, deciding and closing all run on that thread; nobody else gets it. It owns the live
 * decision (the message being typed, superseded by each newer one) and the decisions of sent
 * messages, and cancels both through {@link #cancelDecisions()}, also when the model changes. A
 * replaced model is closed only after everything queued for it: a decision never runs on a closed
 * model. Switching to another router cancels the decisions in flight first, so that the load is not
 * kept waiting behind them.
 *
 * <p>The properties are read and written on the UI thread. Work leaves it through the engine's
 * {@link TaskExecutor} and comes back through the same executor; a decision's outcome is checked
 * for staleness once, on arrival ({@link DecisionCall}).
 */
public final class LocalRouter {

  /**
   * Turns a model file, or a server's address, into a ready router; throws a user-readable
   * exception when it cannot.
   */
  @FunctionalInterface
  public interface Loader {
    Loaded load(Path model);

    /**
     * As {@link #load(Path)}; a loader whose load has a part that can stop early (a check in a
     * separate process) stops it when {@code cancellation} is cancelled.
     */
    default Loaded load(Path model, CancellationToken cancellation) {
      return load(model);
    }

    /** Connects to a router served over HTTP; asks the server for its models first. */
    default Loaded connect(OpenAiEndpointSettings endpoint) {
      return EndpointConnector.connect(endpoint);
    }

    /** Connects to a running plano; asks it for its declared models first. */
    default Loaded connectPlano(PlanoListenerSettings listener) {
      return PlanoConnector.connect(listener);
    }
  }

  /**
   * @param source the model file or the server, which {@code description} names
   * @param description one line about the router for the user, e.g. its name and quantisation
   * @param warnings what the load noticed (e.g. no chat template, ChatML used instead)
   */
  public record Loaded(
      RouterSource source, RouteSelector selector, String description, List<String> warnings) {

    public Loaded {
      Objects.requireNonNull(source, "source");
      warnings = List.copyOf(warnings);
    }

    public Loaded(Path file, RouteSelector selector, String description, List<String> warnings) {
      this(new RouterSource.ModelFile(file), selector, description, warnings);
    }

    /** The model file, or {@code null} when the router is a server. */
    public Path file() {
      return source instanceof RouterSource.ModelFile model ? model.file() : null;
    }
  }

  private final Loader loader;
  private final TaskExecutor engine;
  private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
  private final ReadOnlyObjectWrapper<RouterSource> loadingSource =
      new ReadOnlyObjectWrapper<>(this, "loadingSource");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

  /**
   * Bumped by every load and unload, so that a load overtaken by an unload is discarded. UI thread
   * only.
   */
  private int generation;

  /**
   * Cancelled when the load in progress is given up, which stops its first-load check at once; UI
   * thread only.
   */
  private CancellationToken loadCancellation = CancellationToken.none();

  /** Decides the message being typed with the loaded model; {@code null} while none is. */
  private LiveRoutingSession live;

  /** The decisions of sent messages still queued or running (added and removed on two threads). */
  private final Set<DecisionCall> sent = ConcurrentHashMap.newKeySet();

  /**
   * @param engine runs work on the single thread that owns the engine, and brings results back to
   *     the UI thread
   */
  public LocalRouter(Loader loader, TaskExecutor engine) {
    this.loader = Objects.requireNonNull(loader);
    this.engine = Objects.requireNonNull(engine);
  }

  /** The loaded model, or {@code null}. */
  public ReadOnlyObjectProperty<Loaded> loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The model file or server being loaded or connected to, or {@code null}. */
  public ReadOnlyObjectProperty<RouterSource> loadingSourceProperty() {
    return loadingSource.getReadOnlyProperty();
  }

  /** Whether a model is loaded, so that decisions can be asked for. */
  public boolean isReady() {
    return loaded.get() != null;
  }

  /**
   * Decides the message being typed. A newer live request supersedes this one (it is skipped, or
   * stops at its next checkpoint), and its listener then hears {@code cancelled()}; a superseded
   * answer is never delivered. Call on the UI thread, where the listener is told.
   */
  public void decideLive(RouteRequest request, DecisionListener listener) {
    if (live == null) {
      listener.failed(notLoaded());
      return;
    }
    live.submit(request, listener);
  }

  /**
   * Decides a message already sent, behind whatever the engine has queued. Typing does not
   * supersede it; cancelling the returned call, {@link #cancelDecisions()}, a router change and an
   * unload do (one not yet started is skipped, a running one stops at its next checkpoint). Call on
   * the UI thread, where the listener is told.
   *
   * @return cancels this decision, e.g. when the message changed again meanwhile
   */
  public DecisionCall decideSent(RouteRequest request, DecisionListener listener) {
    var call = new DecisionCall(request, listener, engine::runOnUiThread);
    Loaded model = loaded.get();
    if (model == null) {
      call.fail(notLoaded());
      return call;
    }
    sent.add(call);
    try {
      engine.execute(
          BackgroundTask.ofAction(
              "Routing a sent message",
              () -> {
                try {
                  call.run(model.selector());
                } finally {
                  sent.remove(call);
                }
              }));
    } catch (RejectedExecutionException shuttingDown) {
      sent.remove(call);
      call.skip();
    }
    return call;
  }

  /**
   * Queues long work that uses the loaded model (a regression run) on the engine thread, the only
   * thread that may touch llama.cpp, behind the decisions already queued. The work should hand the
   * thread back now and then (a run asks a few turns per task), so that live decisions are not kept
   * waiting behind all of it.
   */
  public void runOnEngineThread(Runnable work) {
    engine.execute(BackgroundTask.ofAction("Routing on the engine thread", work::run));
  }

  /**
   * Runs {@code task} on the engine thread behind the decisions queued there; its callbacks come
   * back on the UI thread.
   */
  public <T> TaskHandle runOnEngineThread(BackgroundTask<T> task) {
    return engine.execute(task);
  }

  /**
   * Counts {@code text}'s tokens with the loaded model's tokenizer, on the engine thread (behind
   * the decisions queued there); {@code answer} runs on the UI thread, empty when no model is
   * loaded or the engine has no tokenizer of its own (a server).
   */
  public void countTokens(String text, Consumer<OptionalInt> answer) {
    Loaded model = loaded.get();
    if (model == null) {
      answer.accept(OptionalInt.empty());
      return;
    }
    try {
      engine.execute(
          BackgroundTask.<OptionalInt>of(
                  "Counting tokens", progress -> model.selector().countTokens(text))
              .onSuccess(answer));
    } catch (RejectedExecutionException shuttingDown) {
      answer.accept(OptionalInt.empty());
    }
  }

  /** Stops the live decision, if any, without asking for another. */
  public void cancelLive() {
    if (live != null) {
      live.cancel();
    }
  }

  /** Cancels every decision asked for and not yet delivered: live and sent. */
  public void cancelDecisions() {
    cancelLive();
    sent.forEach(DecisionCall::cancel);
  }

  /**
   * Why {@code decision} was made for {@code request}: the prompt and the loaded model's input.
   * Cheap, and safe on the UI thread: the model's chat template was rendered when it loaded.
   */
  public DecisionDetails explain(RouteRequest request, RouteDecision decision) {
    Loaded model = loaded.get();
    return model == null
        ? DecisionExplainer.explain(request, decision, Optional.empty())
        : DecisionExplainer.explain(request, decision, model.selector());
  }

  private static IllegalStateException notLoaded() {
    return new IllegalStateException("no router model is loaded");
  }

  /**
   * Loads {@code model} in the background; when it succeeds it replaces the router loaded before,
   * which is closed. A model that fails to load leaves the previous one in place.
   *
   * @param failed told, on the UI thread, why the model could not be loaded
   */
  public void load(Path model, Consumer<RuntimeException> failed) {
    load(new RouterSource.ModelFile(model), failed);
  }

  /**
   * Loads a model file or connects to a server, on the engine thread like every load, so that a
   * newer load, {@link #cancelLoad()} and {@link #unload()} treat both alike. The decisions in
   * flight are cancelled first: the user is switching routers, and the load must not wait behind a
   * slow decision of the router being left.
   */
  public void load(RouterSource source, Consumer<RuntimeException> failed) {
    if (loading.get()) {
      return;
    }
    cancelDecisions();
    showLoading(source);
    int thisLoad = ++generation;
    var cancellation = new CancellationToken();
    loadCancellation = cancellation;
    engine.execute(
        BackgroundTask.of(
                source instanceof RouterSource.ModelFile ? "Loading" : "Connecting",
                progress ->
                    switch (source) {
                      case RouterSource.ModelFile file -> loader.load(file.file(), cancellation);
                      case RouterSource.Endpoint endpoint -> loader.connect(endpoint.settings());
                      case RouterSource.Plano plano -> loader.connectPlano(plano.settings());
                    })
            .onSuccess(
                next -> {
                  if (generation != thisLoad) {
                    closeLater(next); // cancelled or unloaded meanwhile: nobody ever saw it
                    return;
                  }
                  // The new router first, then the end of loading: whoever waits for the load to
                  // end finds the new router in place.
                  replaceWith(next);
                  showLoading(null);
                })
            .onFailure(
                failure -> {
                  if (generation == thisLoad) {
                    showLoading(null);
                    failed.accept(
                        failure instanceof RuntimeException e
                            ? e
                            : new RoutingException(String.valueOf(failure.getMessage()), failure));
                  }
                }));
  }

  /**
   * Gives up the load in progress, if any: the model loaded before stays in use, and the cancelled
   * one is closed as soon as llama.cpp has finished reading it (a load cannot be interrupted
   * midway), without ever being shown or used.
   */
  public void cancelLoad() {
    if (loading.get()) {
      generation++;
      loadCancellation.cancel();
      showLoading(null);
    }
  }

  /**
   * Closes the model, after any decision in flight; nothing is loaded afterwards. Safe to call
   * again, also once the engine thread has stopped.
   */
  public void unload() {
    generation++;
    loadCancellation.cancel();
    showLoading(null);
    replaceWith(null);
  }

  private void showLoading(RouterSource source) {
    loadingSource.set(source);
    loading.set(source != null);
  }

  /**
   * Shows {@code next} first, so that every user of the old model drops its pending work, and only
   * then queues the old model's close behind whatever is already on the engine thread: nothing can
   * run on a closed model.
   */
  private void replaceWith(Loaded next) {
    Loaded previous = loaded.get();
    cancelDecisions();
    live =
        next == null
            ? null
            : new LiveRoutingSession(
                next.selector(),
                work -> engine.execute(BackgroundTask.ofAction("Routing as you type", work::run)),
                engine::runOnUiThread);
    loaded.set(next);
    if (previous != null) {
      closeLater(previous);
    }
  }

  private void closeLater(Loaded model) {
    try {
      engine.execute(BackgroundTask.ofAction("Closing the router", () -> model.selector().close()));
    } catch (RejectedExecutionException e) {
      // Shutting down: the process ends, and llama.cpp's memory with it.
    }
  }
}
