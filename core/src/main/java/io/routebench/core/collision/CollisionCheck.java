package io.routebench.core.collision;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteOrder;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds policies whose descriptions overlap before any test suite exists: each policy's own
 * description is sent to the router as a user message, with all routes in prompt order, and a
 * policy whose description the router gives to another route collides with it.
 *
 * <p>Run it off the UI thread, on the engine's thread: it makes one decision per policy.
 */
public final class CollisionCheck {

  private CollisionCheck() {}

  /**
   * @param progress hears of each probe as it is answered (on the engine's thread)
   * @throws io.routebench.core.routing.RoutingCancelledException when {@code cancellation} fires
   */
  public static CollisionReport run(
      RouteSelector selector,
      PolicyDocument document,
      BatchProgressListener progress,
      CancellationToken cancellation) {
    List<RouteOption> routes = RouteOption.allOf(document);
    var probed = new ArrayList<RoutingPolicy>();
    var unprobed = new ArrayList<String>();
    var requests = new ArrayList<RouteRequest>();
    for (RoutingPolicy policy : RouteOrder.of(document)) {
      if (policy.description() == null || policy.description().isBlank()) {
        unprobed.add(policy.routeName());
        continue;
      }
      probed.add(policy);
      requests.add(RouteRequest.of(document, List.of(Message.user(policy.description()))));
    }
    List<RouterAnswer> answers = selector.selectAll(requests, progress, cancellation);
    var probes = new ArrayList<CollisionReport.Probe>();
    for (int i = 0; i < probed.size(); i++) {
      RoutingPolicy policy = probed.get(i);
      probes.add(
          new CollisionReport.Probe(
              policy.routeName(),
              policy.description(),
              RouteResolver.resolve(answers.get(i), document)));
    }
    return new CollisionReport(routes.stream().map(RouteOption::name).toList(), probes, unprobed);
  }
}
