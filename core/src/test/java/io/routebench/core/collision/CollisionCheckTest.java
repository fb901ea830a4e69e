package io.routebench.core.collision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollisionCheckTest {

  private static final String GEN = "Writing new code from a specification.";
  private static final String FIX = "Fixing code that does not work.";
  private static final String CHAT = "Small talk.";

  private final PolicyDocument document =
      new PolicyDocument(
          "collisions",
          PromptProfile.ARCHGW_V1,
          new Taxonomy(
              List.of(
                  new Domain(
                      "d1",
                      "coding",
                      "",
                      null,
                      List.of(
                          action("code generation", GEN, "m/a"),
                          action("bug fixing", FIX, "m/b"),
                          action("chat", CHAT, "m/a"),
                          action("undescribed", "", "m/a"))))),
          List.of(ModelTarget.of("m/a", null, true), ModelTarget.of("m/b", null, false)),
          null,
          ProxyConfigExtras.NONE);

  /** Answers by the user message: the description of bug fixing goes to code generation. */
  private final ScriptedSelector selector =
      new ScriptedSelector(Map.of(GEN, "code generation", FIX, "code generation", CHAT, "other"));

  @Test
  void each_description_is_routed_with_all_routes_and_the_matrix_shows_where_it_went() {
    var progress = new ArrayList<Integer>();

    CollisionReport report =
        CollisionCheck.run(
            selector,
            document,
            (index, answer, done, total) -> progress.add(done),
            CancellationToken.none());

    // Prompt order: m/a's routes, then m/b's.
    assertThat(report.routes())
        .containsExactly("code generation", "chat", "undescribed", "bug fixing");
    assertThat(selector.requests)
        .allSatisfy(
            request ->
                assertThat(request.routes())
                    .extracting(RouteOption::name)
                    .isEqualTo(report.routes()));
    assertThat(selector.requests)
        .extracting(request -> request.conversation().get(0).content())
        .containsExactly(GEN, CHAT, FIX);
    assertThat(report.unprobed()).containsExactly("undescribed");
    assertThat(report.rows()).containsExactly("code generation", "chat", "bug fixing");
    assertThat(report.columns()).endsWith("other");
    assertThat(report.count("code generation", "code generation")).isEqualTo(1);
    assertThat(report.count("bug fixing", "code generation")).isEqualTo(1);
    assertThat(report.count("bug fixing", "bug fixing")).isZero();
    assertThat(report.collisions())
        .extracting(CollisionReport.Probe::route, CollisionReport.Probe::answeredRoute)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("chat", "other"),
            org.assertj.core.groups.Tuple.tuple("bug fixing", "code generation"));
    assertThat(progress).containsExactly(1, 2, 3);
  }

  @Test
  void a_cancelled_check_stops() {
    var cancellation = new CancellationToken();
    cancellation.cancel();

    assertThatThrownBy(
            () -> CollisionCheck.run(selector, document, (i, a, d, t) -> {}, cancellation))
        .isInstanceOf(RoutingCancelledException.class);
  }

  private static Action action(String name, String description, String target) {
    return new Action(name, name, description, PolicySettings.targeting(target));
  }

  private static final class ScriptedSelector implements RouteSelector {
    private final Map<String, String> routeByMessage;
    final List<RouteRequest> requests = new ArrayList<>();

    ScriptedSelector(Map<String, String> routeByMessage) {
      this.routeByMessage = routeByMessage;
    }

    @Override
    public EngineIdentity identity(PromptProfile profile) {
      return new EngineIdentity("scripted", "script", "", profile, Map.of());
    }

    @Override
    public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
      cancellation.throwIfCancelled();
      requests.add(request);
      String route = routeByMessage.get(request.conversation().get(0).content());
      return new RouterAnswer(
          "{\"route\": \"" + route + "\"}",
          AnswerReading.route(route),
          request.profile(),
          DecisionTiming.wallClockOnly(1),
          AnswerExactness.EXACT);
    }

    @Override
    public void close() {}
  }
}
