package io.routebench.core.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A router served by a server, which wraps the prompt itself: RouteBench cannot wrap it, only
 * record what the user says the server does, so that decisions and runs carry it like a local
 * engine's ("Check against my server" verifies it). Everything else is the server's.
 */
public final class ServerWrappedSelector implements RouteSelector {

  private final RouteSelector server;
  private final PromptWrapping declared;

  public ServerWrappedSelector(RouteSelector server, PromptWrapping declared) {
    this.server = Objects.requireNonNull(server, "server");
    this.declared = Objects.requireNonNull(declared, "declared");
  }

  /** The wrapping the user says the server applies. */
  public PromptWrapping declaredWrapping() {
    return declared;
  }

  /** The selector behind this one (to list a server's models, for one). */
  public RouteSelector server() {
    return server;
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return server.identity(profile).withWrapping(declared.recorded());
  }

  @Override
  public boolean answersConcurrently() {
    return server.answersConcurrently();
  }

  @Override
  public int[] answerOrder(List<RouteRequest> requests) {
    return server.answerOrder(requests);
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    return server.select(request, cancellation);
  }

  @Override
  public RouterAnswer select(
      RouteRequest request, CancellationToken cancellation, Consumer<RouterAnswer> preview) {
    return server.select(request, cancellation, preview);
  }

  @Override
  public Optional<String> modelInput(RouteRequest request) {
    return server.modelInput(request);
  }

  @Override
  public OptionalInt countTokens(String text) {
    return server.countTokens(text);
  }

  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    return server.selectAll(requests, progress, cancellation);
  }

  @Override
  public void close() {
    server.close();
  }
}
