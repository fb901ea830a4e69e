package io.routebench.bench;

import io.routebench.app.routing.LocalRouter;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A served router that says it answers one request at a time, like a local model: the window's run
 * then cuts the suite into engine tasks of 4 turns, one after another, as it did for every router
 * before runs were handed to served routers whole (issue 18). Everything else is the served
 * router's own.
 */
final class TreatedAsLocalModel implements RouteSelector {

  private final RouteSelector served;

  private TreatedAsLocalModel(RouteSelector served) {
    this.served = served;
  }

  /** Connects as Connect… does, and hands the window the served router in this disguise. */
  static LocalRouter.Loader connecting() {
    return new LocalRouter.Loader() {
      @Override
      public LocalRouter.Loaded load(Path model) {
        throw new UnsupportedOperationException("the benchmark connects to a server only");
      }

      @Override
      public LocalRouter.Loaded connect(OpenAiEndpointSettings endpoint) {
        LocalRouter.Loaded connected = LocalRouter.Loader.super.connect(endpoint);
        return new LocalRouter.Loaded(
            connected.source(),
            new TreatedAsLocalModel(connected.selector()),
            connected.description(),
            connected.warnings());
      }
    };
  }

  @Override
  public boolean answersConcurrently() {
    return false;
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return served.identity(profile);
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    return served.select(request, cancellation);
  }

  @Override
  public Optional<String> modelInput(RouteRequest request) {
    return served.modelInput(request);
  }

  @Override
  public OptionalInt countTokens(String text) {
    return served.countTokens(text);
  }

  @Override
  public int[] answerOrder(List<RouteRequest> requests) {
    return served.answerOrder(requests);
  }

  /** The served router keeps each task's turns in flight together, as it did then. */
  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    return served.selectAll(requests, progress, cancellation);
  }

  @Override
  public void close() {
    served.close();
  }
}
