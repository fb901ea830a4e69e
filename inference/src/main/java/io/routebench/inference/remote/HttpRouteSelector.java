package io.routebench.inference.remote;

import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A router asked over HTTP, one exchange per decision: a single decision and a batch alike go
 * through an {@link InFlightBatch}, a batch keeping several exchanges in flight. A subclass says
 * what an exchange sends and how its response is read ({@link #exchanges()}).
 */
abstract class HttpRouteSelector implements RouteSelector {

  final HttpClient client;

  private final RetryPolicy retry;
  private final int parallelRequests;

  HttpRouteSelector(Duration connectTimeout, int parallelRequests, RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    this.parallelRequests = parallelRequests;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
  }

  /** What one exchange sends and how its response is read; shared by all batches. */
  abstract InFlightBatch.Exchanges exchanges();

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    return new InFlightBatch(client, exchanges(), retry, 1, List.of(request))
        .answer(BatchProgressListener.NONE, cancellation, false)
        .get(0);
  }

  /** Each decision is its own HTTP exchange; a batch keeps several in flight. */
  @Override
  public boolean answersConcurrently() {
    return true;
  }

  /**
   * Keeps up to the settings' {@code parallelRequests} decisions in flight so a batching server
   * works on them together; answers come back in request order and reach {@code progress} on the
   * calling thread as they arrive (see {@link InFlightBatch}). A failure names its request ({@link
   * io.routebench.core.routing.BatchRequestFailedException}).
   */
  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    return new InFlightBatch(client, exchanges(), retry, parallelRequests, requests)
        .answer(progress, cancellation, true);
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
