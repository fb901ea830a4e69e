package io.routebench.core.run;

import static io.routebench.core.run.Turns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.routing.DecisionOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTableTest {

  /** Turns 2/4; the failed "code" turn's plano list named "code" second. */
  private static final RunMetrics METRICS =
      MetricsCalculator.compute(
          List.of(
              turn("a", 0, "code", "code"),
              listed("a", 1, "code", "bug", List.of("bug", "code")),
              listed("b", 0, "bug", "code", List.of("code")),
              turn("b", 1, "other", "other")));

  private static TurnResult listed(
      String caseId, int turn, String expected, String actual, List<String> list) {
    return new TurnResult(
        caseId,
        "case " + caseId,
        turn,
        turn * 2,
        expected,
        actual,
        DecisionOutcome.MATCHED,
        "{\"route\": " + list + "}",
        40,
        300,
        0,
        list);
  }

  @Test
  void a_failed_turn_whose_list_named_the_expected_route_lower_is_right_but_outranked() {
    assertThat(METRICS.rightButOutranked()).isEqualTo(1);
    assertThat(Metric.RIGHT_OUTRANKED.format(METRICS, 2)).isEqualTo("1");
    assertThat(Metric.RIGHT_OUTRANKED.detail(METRICS)).isEqualTo("of 4 turns");
  }

  @Test
  void every_metric_has_a_unique_id_json_key_and_label() {
    assertThat(Arrays.stream(Metric.values()).map(Metric::id)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(Metric.values()).map(Metric::jsonKey)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(Metric.values()).map(Metric::label)).doesNotHaveDuplicates();
    assertThat(Metric.headlines())
        .containsExactly(Metric.OVERALL, Metric.TURN, Metric.SPAN, Metric.CONVERSATION);
  }

  @Test
  void shares_are_written_as_percentages_and_counts_as_counts() {
    assertThat(Metric.TURN.format(METRICS, 1)).isEqualTo("50.0%");
    assertThat(Metric.TURN.format(METRICS, 2)).isEqualTo("50.00%");
    assertThat(Metric.TURN.detail(METRICS)).isEqualTo("2/4");
    assertThat(Metric.TURN.plainValue(METRICS)).isEqualTo("0.5000");
    assertThat(Metric.PROXY_ERRORS.plainValue(METRICS)).isEqualTo("0");
    assertThat(Metric.TURN.formatDelta(0.025)).isEqualTo("+2.5 pts");
    assertThat(Metric.PROXY_ERRORS.formatDelta(-2)).isEqualTo("-2");
    assertThat(Metric.TURN.isWorse(-0.01)).isTrue();
    assertThat(Metric.PROXY_ERRORS.isWorse(1)).isTrue();
  }

  @Test
  void the_json_keeps_the_report_s_keys_and_adds_right_outranked() {
    Map<String, Object> json = Metric.json(METRICS);

    assertThat(json)
        .containsEntry("turn_accuracy", 0.5)
        .containsEntry("turns", 4)
        .containsEntry("passed_turns", 2)
        .containsEntry("spans", METRICS.spans())
        .containsEntry("passed_conversations", METRICS.passedConversations())
        .containsEntry("overall", METRICS.overall())
        .containsEntry("proxy_errors", 0L)
        .containsEntry("right_outranked", 1L)
        .containsEntry("irrelevance", Map.of("turns", 1, "passed", 1, "accuracy", 1.0));
  }

  @Test
  void deltas_cover_every_metric_of_the_table() {
    RunMetrics before = MetricsCalculator.compute(List.of(turn("a", 0, "code", "bug")));
    RunMetrics after = MetricsCalculator.compute(List.of(turn("a", 0, "code", "code")));

    MetricDeltas deltas = MetricDeltas.between(before, after);

    assertThat(deltas.byMetric()).containsOnlyKeys(Metric.values());
    assertThat(deltas.of(Metric.TURN)).isEqualTo(1.0);
    assertThat(deltas.of(Metric.RIGHT_OUTRANKED)).isEqualTo(0.0);
  }

  @Test
  void an_unknown_metric_names_the_ones_there_are() {
    assertThat(Metric.fromId("span")).isEqualTo(Metric.SPAN);
    assertThatThrownBy(() -> Metric.fromId("latency"))
        .hasMessageContaining("unknown metric 'latency'")
        .hasMessageContaining("turn, span");
  }
}
