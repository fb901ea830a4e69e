package io.routebench.core.run;

import static io.routebench.core.run.Turns.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderSensitivityTest {

  @Test
  void a_turn_routed_differently_in_one_pass_is_order_dependent_and_counts_for_both_routes() {
    var taxonomyOrder =
        List.of(turn("a", 0, "code", "code"), turn("a", 1, "bug", "bug"), turn("b", 0, "x", "x"));
    var shuffledOnce =
        List.of(turn("a", 0, "code", "bug"), turn("a", 1, "bug", "bug"), turn("b", 0, "x", "x"));
    var shuffledTwice =
        List.of(turn("a", 0, "code", "code"), turn("a", 1, "bug", "bug"), turn("b", 0, "x", "x"));

    var sensitivity = OrderSensitivity.of(List.of(taxonomyOrder, shuffledOnce, shuffledTwice));

    assertThat(sensitivity.passes()).isEqualTo(3);
    assertThat(sensitivity.turns()).isEqualTo(3);
    assertThat(sensitivity.orderDependent())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.caseId()).isEqualTo("a");
              assertThat(t.turnIndex()).isZero();
              assertThat(t.routes()).containsExactly("code", "bug", "code");
              assertThat(t.passedIn()).isEqualTo(2);
            });
    assertThat(sensitivity.perRoute())
        .containsExactly(
            Map.entry("code", new OrderSensitivity.RouteSensitivity(1, 1)),
            Map.entry("bug", new OrderSensitivity.RouteSensitivity(2, 1)),
            Map.entry("x", new OrderSensitivity.RouteSensitivity(1, 0)));
    assertThat(sensitivity.dependentShare()).isEqualTo(1.0 / 3);
  }

  @Test
  void turns_missing_from_a_cancelled_pass_are_left_out() {
    var full = List.of(turn("a", 0, "code", "code"), turn("a", 1, "bug", "code"));
    var cancelled = List.of(turn("a", 0, "code", "code"));

    var sensitivity = OrderSensitivity.of(List.of(full, cancelled));

    assertThat(sensitivity.turns()).isEqualTo(1);
    assertThat(sensitivity.orderDependent()).isEmpty();
  }

  @Test
  void the_shuffled_router_sees_every_request_in_one_seeded_order() {
    var seen = new ArrayList<List<String>>();
    RouteSelector recording =
        new RouteSelector() {
          @Override
          public EngineIdentity identity(PromptProfile profile) {
            return new EngineIdentity("test", "m", "", profile, Map.of());
          }

          @Override
          public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
            seen.add(request.routes().stream().map(RouteOption::name).toList());
            return new RouterAnswer(
                "",
                io.routebench.core.routing.AnswerReading.route(""),
                request.profile(),
                DecisionTiming.wallClockOnly(0),
                io.routebench.core.routing.AnswerExactness.EXACT);
          }

          @Override
          public void close() {}
        };
    var routes =
        List.of(
            new RouteOption("a", "A"),
            new RouteOption("b", "B"),
            new RouteOption("c", "C"),
            new RouteOption("d", "D"));
    var request = new RouteRequest(routes, List.of(Message.user("hi")), PromptProfile.ARCHGW_V1);
    var shuffled = new ShuffledRouteOrder(recording, 42);

    shuffled.selectAll(List.of(request, request), (i, a, d, t) -> {}, CancellationToken.none());
    new ShuffledRouteOrder(recording, 42).select(request, CancellationToken.none());

    assertThat(seen).hasSize(3);
    assertThat(seen.get(0)).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(seen.get(1)).isEqualTo(seen.get(0));
    assertThat(seen.get(2)).isEqualTo(seen.get(0));
    assertThat(ShuffledRouteOrder.permutation(42, 4))
        .isNotEqualTo(ShuffledRouteOrder.permutation(43, 4))
        .containsExactlyInAnyOrder(0, 1, 2, 3);
  }
}
