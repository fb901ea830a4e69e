package io.routebench.app.runs;

import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The loaded router as a suite run sees it from its own thread. A served router is asked directly,
 * with its own requests in flight. For a local model every few turns become one task on the model's
 * engine thread, so a playtest decision asked meanwhile waits for at most one such task instead of
 * the whole run. Each task checks the run's cancellation first, so nothing is asked of a model that
 * was unloaded (the router cancels runs before it queues the close). Closing it leaves the model
 * open: the router owns it.
 */
public final class EngineThreadSelector implements RouteSelector {

  /** Turns per engine task: small enough that the playtest stays live during a run. */
  static final int TURNS_PER_TASK = 4;

  private final RouteSelector model;
  private final Executor engine;

  public EngineThreadSelector(RouteSelector model, Executor engine) {
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

  /**
   * A served router gets the whole run at once, from the run's own thread, and keeps as many
   * requests in flight as its endpoint allows, as {@code routebench test} does. A local model gets
   * the run in its preferred order (its prompt cache reuses most when conversations that share a
   * prefix follow each other), cut into tasks of {@link #TURNS_PER_TASK} turns.
   */
  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    if (model.answersConcurrently()) {
      cancellation.throwIfCancelled();
      return model.selectAll(requests, progress, cancellation);
    }
    int total = requests.size();
    int[] order = model.answerOrder(requests);
    var answers = new RouterAnswer[total];
    for (int start = 0; start < total; start += TURNS_PER_TASK) {
      int[] part = Arrays.copyOfRange(order, start, Math.min(total, start + TURNS_PER_TASK));
      List<RouteRequest> chunk = Arrays.stream(part).mapToObj(requests::get).toList();
      int doneBefore = start;
      List<RouterAnswer> chunkAnswers =
          onEngine(
              () -> {
                cancellation.throwIfCancelled();
                return model.selectAll(
                    chunk,
                    (index, answer, done, all) ->
                        progress.completed(part[index], answer, doneBefore + done, total),
                    cancellation);
              });
      for (int i = 0; i < part.length; i++) {
        answers[part[i]] = chunkAnswers.get(i);
      }
    }
    return Arrays.asList(answers);
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
