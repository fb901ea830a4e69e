package io.routebench.core.run;

import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A router that sees the routes of every request in one shuffled order, as production does: the
 * proxy sends routes in hash-map order, which changes between restarts. The permutation depends
 * only on the seed and the number of routes, so a pass can be repeated exactly. Closing it leaves
 * the wrapped router open: it belongs to its owner.
 */
public final class ShuffledRouteOrder implements RouteSelector {

  private final RouteSelector router;
  private final long seed;

  public ShuffledRouteOrder(RouteSelector router, long seed) {
    this.router = Objects.requireNonNull(router, "router");
    this.seed = seed;
  }

  /** The order in which {@code count} routes are sent: a seeded permutation of 0..count-1. */
  public static List<Integer> permutation(long seed, int count) {
    var order = new ArrayList<Integer>(count);
    for (int i = 0; i < count; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    return List.copyOf(order);
  }

  @Override
  public EngineIdentity identity(PromptProfile profile) {
    return router.identity(profile);
  }

  @Override
  public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
    return router.select(shuffled(request), cancellation);
  }

  @Override
  public List<RouterAnswer> selectAll(
      List<RouteRequest> requests, BatchProgressListener progress, CancellationToken cancellation) {
    return router.selectAll(requests.stream().map(this::shuffled).toList(), progress, cancellation);
  }

  @Override
  public boolean answersConcurrently() {
    return router.answersConcurrently();
  }

  @Override
  public int[] answerOrder(List<RouteRequest> requests) {
    return router.answerOrder(requests.stream().map(this::shuffled).toList());
  }

  private RouteRequest shuffled(RouteRequest request) {
    List<RouteOption> routes = request.routes();
    var reordered = new ArrayList<RouteOption>(routes.size());
    for (int index : permutation(seed, routes.size())) {
      reordered.add(routes.get(index));
    }
    return request.withRoutes(reordered);
  }

  @Override
  public void close() {
    // The wrapped router is its owner's to close.
  }
}
