package io.routebench.core.run;

import static io.routebench.core.run.Turns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

  private static final Offset<Double> EXACT = within(1e-12);

  /**
   * Three conversations where turn, span and conversation accuracy all differ.
   *
   * <pre>
   * a: code→code ✓  code→bug ✗  other→other ✓   spans [code code]✗ [other]✓   conversation ✗
   * b: bug→bug ✓    bug→bug ✓                   spans [bug bug]✓              conversation ✓
   * c: other→code ✗ code→code ✓                 spans [other]✗ [code]✓        conversation ✗
   * </pre>
   *
   * Turns 5/7, spans 3/5, conversations 1/3.
   */
  private static final List<TurnResult> FIXTURE =
      List.of(
          turn("a", 0, "code", "code"),
          turn("a", 1, "code", "bug"),
          turn("a", 2, "other", "other"),
          turn("b", 0, "bug", "bug"),
          turn("b", 1, "bug", "bug"),
          turn("c", 0, "other", "code"),
          turn("c", 1, "code", "code"));

  @Test
  void a_proxy_error_fails_its_turn_whatever_was_expected_and_is_counted() {
    TurnResult failedRequest =
        new TurnResult(
            "a",
            "case a",
            1,
            2,
            "other",
            io.routebench.core.routing.RouteNames.PROXY_ERROR,
            io.routebench.core.routing.DecisionOutcome.PROXY_ERROR,
            "Sure! {\"route\": \"other\"}",
            40,
            300,
            250,
            List.of());
    var results = List.of(turn("a", 0, "code", "code"), failedRequest, turn("b", 0, "bug", "bug"));

    RunMetrics metrics = MetricsCalculator.compute(results);

    assertThat(failedRequest.passed()).isFalse();
    assertThat(metrics.proxyErrors()).isEqualTo(1);
    assertThat(metrics.passedTurns()).isEqualTo(2);
    assertThat(metrics.passedConversations()).isEqualTo(1);
    assertThat(metrics.irrelevance()).isEqualTo(new Tally(1, 0));
    // The failed request lowers other's recall and predicted no route at all.
    assertThat(metrics.perRoute()).containsOnlyKeys("code", "other", "bug");
    assertThat(metrics.perRoute().get("other")).isEqualTo(new RouteScore(1, 0, 0));
    assertThat(
            metrics.confusion().count("other", io.routebench.core.routing.RouteNames.PROXY_ERROR))
        .isEqualTo(1);
    assertThat(MetricsCalculator.compute(FIXTURE).proxyErrors()).isZero();
  }

  @Test
  void turn_span_and_conversation_accuracy_follow_the_paper() {
    RunMetrics metrics = MetricsCalculator.compute(FIXTURE);

    assertThat(metrics.turns()).isEqualTo(7);
    assertThat(metrics.passedTurns()).isEqualTo(5);
    assertThat(metrics.spans()).isEqualTo(5);
    assertThat(metrics.passedSpans()).isEqualTo(3);
    assertThat(metrics.conversations()).isEqualTo(3);
    assertThat(metrics.passedConversations()).isEqualTo(1);
    assertThat(metrics.turnAccuracy()).isCloseTo(5.0 / 7, EXACT);
    assertThat(metrics.spanAccuracy()).isCloseTo(3.0 / 5, EXACT);
    assertThat(metrics.conversationAccuracy()).isCloseTo(1.0 / 3, EXACT);
    assertThat(metrics.overall()).isCloseTo((5.0 / 7 + 3.0 / 5 + 1.0 / 3) / 3, EXACT);
    assertThat(metrics.isEmpty()).isFalse();
  }

  @Test
  void per_route_precision_recall_and_f1_in_order_of_first_appearance() {
    RunMetrics metrics = MetricsCalculator.compute(FIXTURE);

    assertThat(metrics.perRoute()).containsOnlyKeys("code", "bug", "other");
    assertThat(metrics.perRoute().keySet()).containsExactly("code", "bug", "other");
    assertThat(metrics.perRoute().get("code")).isEqualTo(new RouteScore(3, 3, 2));
    assertThat(metrics.perRoute().get("bug")).isEqualTo(new RouteScore(2, 3, 2));
    assertThat(metrics.perRoute().get("other")).isEqualTo(new RouteScore(2, 1, 1));

    RouteScore code = metrics.perRoute().get("code");
    assertThat(code.precision()).isCloseTo(2.0 / 3, EXACT);
    assertThat(code.recall()).isCloseTo(2.0 / 3, EXACT);
    assertThat(code.f1()).isCloseTo(2.0 / 3, EXACT);
    RouteScore bug = metrics.perRoute().get("bug");
    assertThat(bug.precision()).isCloseTo(2.0 / 3, EXACT);
    assertThat(bug.recall()).isCloseTo(1.0, EXACT);
    assertThat(bug.f1()).isCloseTo(0.8, EXACT);
    RouteScore other = metrics.perRoute().get("other");
    assertThat(other.precision()).isCloseTo(1.0, EXACT);
    assertThat(other.recall()).isCloseTo(0.5, EXACT);
    assertThat(other.f1()).isCloseTo(2.0 / 3, EXACT);
  }

  @Test
  void confusion_matrix_counts_expected_against_actual() {
    ConfusionMatrix confusion = MetricsCalculator.compute(FIXTURE).confusion();

    assertThat(confusion.labels()).containsExactly("code", "bug", "other");
    assertThat(confusion.count("code", "code")).isEqualTo(2);
    assertThat(confusion.count("code", "bug")).isEqualTo(1);
    assertThat(confusion.count("bug", "bug")).isEqualTo(2);
    assertThat(confusion.count("bug", "code")).isZero();
    assertThat(confusion.count("other", "other")).isEqualTo(1);
    assertThat(confusion.count("other", "code")).isEqualTo(1);
    assertThat(confusion.count("never seen", "code")).isZero();
    assertThat(confusion.total()).isEqualTo(7);
    assertThat(confusion.confusions())
        .containsExactly(
            new ConfusionMatrix.Cell("code", "bug", 1),
            new ConfusionMatrix.Cell("other", "code", 1));
  }

  @Test
  void confusions_list_the_most_frequent_mix_up_first() {
    ConfusionMatrix confusion =
        MetricsCalculator.compute(
                List.of(
                    turn("a", 0, "code", "bug"),
                    turn("b", 0, "bug", "code"),
                    turn("c", 0, "bug", "code")))
            .confusion();

    assertThat(confusion.confusions())
        .containsExactly(
            new ConfusionMatrix.Cell("bug", "code", 2), new ConfusionMatrix.Cell("code", "bug", 1));
  }

  @Test
  void irrelevance_counts_the_turns_that_expect_other() {
    Tally irrelevance = MetricsCalculator.compute(FIXTURE).irrelevance();

    assertThat(irrelevance).isEqualTo(new Tally(2, 1));
    assertThat(irrelevance.accuracy()).isCloseTo(0.5, EXACT);
    assertThat(irrelevance.failed()).isEqualTo(1);
  }

  @Test
  void result_order_does_not_change_the_metrics() {
    var shuffled = new ArrayList<>(FIXTURE);
    Collections.reverse(shuffled);

    RunMetrics metrics = MetricsCalculator.compute(shuffled);

    assertThat(metrics.passedTurns()).isEqualTo(5);
    assertThat(metrics.spans()).isEqualTo(5);
    assertThat(metrics.passedSpans()).isEqualTo(3);
    assertThat(metrics.passedConversations()).isEqualTo(1);
    // Conversations are taken in order of first appearance, then their turns by index.
    assertThat(metrics.perRoute().keySet()).containsExactly("other", "code", "bug");
  }

  @Test
  void a_change_of_expected_route_starts_a_new_span_even_when_it_changes_back() {
    RunMetrics metrics =
        MetricsCalculator.compute(
            List.of(
                turn("a", 0, "code", "code"),
                turn("a", 1, "bug", "code"),
                turn("a", 2, "code", "code")));

    assertThat(metrics.spans()).isEqualTo(3);
    assertThat(metrics.passedSpans()).isEqualTo(2);
  }

  @Test
  void a_missing_turn_ends_a_span_because_it_might_have_split_it() {
    RunMetrics metrics =
        MetricsCalculator.compute(
            List.of(turn("a", 0, "code", "code"), turn("a", 2, "code", "bug")));

    assertThat(metrics.spans()).isEqualTo(2);
    assertThat(metrics.passedSpans()).isEqualTo(1);
  }

  @Test
  void no_turns_give_zeroes_not_nan() {
    RunMetrics metrics = MetricsCalculator.compute(List.of());

    assertThat(metrics.isEmpty()).isTrue();
    assertThat(metrics.turnAccuracy()).isZero();
    assertThat(metrics.spanAccuracy()).isZero();
    assertThat(metrics.conversationAccuracy()).isZero();
    assertThat(metrics.overall()).isZero();
    assertThat(metrics.irrelevance().accuracy()).isZero();
    assertThat(metrics.perRoute()).isEmpty();
    assertThat(metrics.confusion().labels()).isEmpty();
    assertThat(metrics.confusion().confusions()).isEmpty();
  }

  @Test
  void a_route_never_predicted_or_never_expected_scores_zero_not_nan() {
    var neverPredicted = new RouteScore(3, 0, 0);
    var neverExpected = new RouteScore(0, 2, 0);

    assertThat(neverPredicted.precision()).isZero();
    assertThat(neverPredicted.recall()).isZero();
    assertThat(neverPredicted.f1()).isZero();
    assertThat(neverExpected.recall()).isZero();
    assertThat(neverExpected.f1()).isZero();
  }

  @Test
  void a_perfect_run_scores_one_everywhere() {
    RunMetrics metrics =
        MetricsCalculator.compute(
            List.of(turn("a", 0, "code", "code"), turn("a", 1, "other", "other")));

    assertThat(metrics.overall()).isCloseTo(1.0, EXACT);
    assertThat(metrics.perRoute().get("code").f1()).isCloseTo(1.0, EXACT);
  }
}
