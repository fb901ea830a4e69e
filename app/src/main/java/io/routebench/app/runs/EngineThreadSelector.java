package io.routebench.app.runs;

import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The loaded router model as a suite run sees it from its own thread: every few turns become one
 * task on the model's engine thread, so a playtest decision asked meanwhile waits for at most one
 * such task instead of the whole run. Each task checks the run's cancellation first, so nothing is
 * asked of a model that was unloaded (the router cancels runs before it queues the close). Closing
 * it leaves the model open: the router owns it.
 */
final class EngineThreadSelector implements RouteSelector {

  /** Turns per engine task: small enough that the playtest stays live during a run. */
  static final int TURNS_PER_TASK = 4;

  private final RouteSelector model;
  private final Executor engine;

  EngineThreadSelector(RouteSelector model, Executor engine) {
    this.model = Objects.requireNonNull(model);
    this.engine = Objects.requireNonNull(engine);
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return model.identity(profile);
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    return onEngine(
        () -> {
          cancellation.throwIfCancelled();
          return model.select(request, cancellation);
        });
  }

  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    var answers = new ArrayList<RouterAnswer>(requests.size());
    int total = requests.size();
    for (int start = 0; start < total; start += TURNS_PER_TASK) {
      int offset = start;
      List<RouteRequest> chunk = requests.subList(start, Math.min(total, start + TURNS_PER_TASK));
      answers.addAll(
          onEngine(
              () -> {
                cancellation.throwIfCancelled();
                return model.selectAll(
                    chunk,
                    (index, answer, done, all) ->
                        progress.completed(offset + index, answer, offset + done, total),
                    cancellation);
              }));
    }
    return answers;
  }

  private <T> T onEngine(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, engine).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    // The model belongs to the router, which closes it on unload.
  }
}
