package io.routebench.core.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The table of a run's metrics: one row per metric, in the order every report shows them, with how
 * the metric is read from {@link RunMetrics} and how it is written. The CLI summary, the JSON and
 * JUnit reports, the results view, the history page and the deltas between two runs all go through
 * this table, so a new metric is one row here (plus its count in {@link MetricsCalculator}) and
 * shows up everywhere at once.
 */
public enum Metric {
  OVERALL(
      "overall",
      "overall",
      "overall",
      "the paper's headline figure: the mean of turn, span and conversation accuracy",
      Unit.SHARE,
      true,
      new JsonKeys("overall", null, null, false),
      metrics -> new Reading(metrics.overall(), Optional.empty())),
  TURN(
      "turn",
      "turn accuracy",
      "turn",
      "user turns routed to their expected route",
      Unit.SHARE,
      true,
      new JsonKeys("turn_accuracy", "turns", "passed_turns", false),
      metrics -> Reading.of(metrics.turnTally())),
  SPAN(
      "span",
      "span accuracy",
      "span",
      "runs of consecutive turns expecting one route whose every turn was routed right",
      Unit.SHARE,
      true,
      new JsonKeys("span_accuracy", "spans", "passed_spans", false),
      metrics -> Reading.of(metrics.spanTally())),
  CONVERSATION(
      "conversation",
      "conversation accuracy",
      "conversation",
      "test cases whose every user turn was routed right",
      Unit.SHARE,
      true,
      new JsonKeys("conversation_accuracy", "conversations", "passed_conversations", false),
      metrics -> Reading.of(metrics.conversationTally())),
  IRRELEVANCE(
      "irrelevance",
      "irrelevance (other)",
      "irrelevance (other)",
      "turns expecting other that the router declined to route",
      Unit.SHARE,
      false,
      new JsonKeys("irrelevance", "turns", "passed", true),
      metrics -> Reading.of(metrics.irrelevance())),
  PROXY_ERRORS(
      "proxy_errors",
      "proxy errors",
      "proxy errors",
      "turns whose request the proxy would fail with HTTP 500",
      Unit.COUNT,
      false,
      new JsonKeys("proxy_errors", null, null, false),
      metrics -> Reading.count(metrics.proxyErrors(), metrics.turns())),
  RIGHT_OUTRANKED(
      "right_outranked",
      "right, outranked",
      "right, outranked",
      "failed turns whose answer listed the expected route below the one the proxy took",
      Unit.COUNT,
      false,
      new JsonKeys("right_outranked", null, null, false),
      metrics -> Reading.count(metrics.rightButOutranked(), metrics.turns()));

  /** Whether a metric is a share of something (0..1, higher is better) or a count of turns. */
  public enum Unit {
    /** A fraction in [0, 1], written as a percentage; higher is better. */
    SHARE,
    /** A number of turns; lower is better (each is a failure of a kind). */
    COUNT
  }

  /**
   * A metric's value for one run.
   *
   * @param value the fraction (a share) or the count
   * @param tally what a share counts (passed of total), or, for a count, the count of all turns
   */
  public record Reading(double value, Optional<Tally> tally) {

    static Reading of(Tally tally) {
      return new Reading(tally.accuracy(), Optional.of(tally));
    }

    static Reading count(int count, int turns) {
      return new Reading(count, Optional.of(new Tally(turns, count)));
    }
  }

  /**
   * Where a metric goes in the JSON report: its value under {@code value}; a share's tally under
   * {@code total} and {@code passed}, beside it, or with the value in an object of its own when
   * {@code nested} (the shape reports have had since the first release).
   */
  private record JsonKeys(String value, String total, String passed, boolean nested) {}

  private final String id;
  private final String label;
  private final String shortLabel;
  private final String description;
  private final Unit unit;
  private final boolean headline;
  private final JsonKeys json;
  private final Function<RunMetrics, Reading> extractor;

  Metric(
      String id,
      String label,
      String shortLabel,
      String description,
      Unit unit,
      boolean headline,
      JsonKeys json,
      Function<RunMetrics, Reading> extractor) {
    this.id = id;
    this.label = label;
    this.shortLabel = shortLabel;
    this.description = description;
    this.unit = unit;
    this.headline = headline;
    this.json = json;
    this.extractor = extractor;
  }

  /** The spelling on the command line ({@code --metric}), in JUnit properties and element ids. */
  public String id() {
    return id;
  }

  /** e.g. "turn accuracy": what the CLI summary calls it. */
  public String label() {
    return label;
  }

  /** e.g. "turn": where space is short (the results view, the history chart). */
  public String shortLabel() {
    return shortLabel;
  }

  /** One line saying what is counted, for tooltips and help. */
  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
  }

  /** One of the paper's headline accuracies (charted over a suite's history). */
  public boolean isHeadline() {
    return headline;
  }

  /** The key the JSON report writes the value under. */
  public String jsonKey() {
    return json.value();
  }

  public Reading read(RunMetrics metrics) {
    return extractor.apply(metrics);
  }

  /** The value alone: a fraction for a share, a count for a count. */
  public double value(RunMetrics metrics) {
    return read(metrics).value();
  }

  /** e.g. {@code 93.17%} (with {@code decimals} = 2) or {@code 3}. */
  public String format(RunMetrics metrics, int decimals) {
    return formatValue(value(metrics), decimals);
  }

  /** As {@link #format(RunMetrics, int)}, for a value already read. */
  public String formatValue(double value, int decimals) {
    return switch (unit) {
      case SHARE -> String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * value);
      case COUNT -> Long.toString(Math.round(value));
    };
  }

  /** What stands behind the value: e.g. {@code 37/40}, or {@code of 40 turns}. */
  public String detail(RunMetrics metrics) {
    Optional<Tally> tally = read(metrics).tally();
    if (tally.isEmpty()) {
      return "mean of the three";
    }
    return switch (unit) {
      case SHARE -> tally.get().passed() + "/" + tally.get().total();
      case COUNT -> "of " + tally.get().total() + (tally.get().total() == 1 ? " turn" : " turns");
    };
  }

  /** The value as a machine reads it: a fraction with 4 decimals, or the count. */
  public String plainValue(RunMetrics metrics) {
    double value = value(metrics);
    return switch (unit) {
      case SHARE -> String.format(Locale.ROOT, "%.4f", value);
      case COUNT -> Long.toString(Math.round(value));
    };
  }

  /** A change of this metric, e.g. {@code +2.5 pts} or {@code -3}. */
  public String formatDelta(double delta) {
    return switch (unit) {
      case SHARE -> String.format(Locale.ROOT, "%+.1f pts", 100 * delta);
      case COUNT -> String.format(Locale.ROOT, "%+d", Math.round(delta));
    };
  }

  /** Whether {@code delta} (candidate minus baseline) is a change for the worse. */
  public boolean isWorse(double delta) {
    return unit == Unit.SHARE ? delta < 0 : delta > 0;
  }

  /** Writes this metric into a JSON object under construction, keys as {@link JsonKeys} say. */
  public void writeJson(RunMetrics metrics, Map<String, Object> into) {
    Reading reading = read(metrics);
    Object value = unit == Unit.COUNT ? (Object) Math.round(reading.value()) : reading.value();
    if (json.total() == null || reading.tally().isEmpty()) {
      into.put(json.value(), value);
      return;
    }
    Tally tally = reading.tally().get();
    if (json.nested()) {
      var object = new LinkedHashMap<String, Object>();
      object.put(json.total(), tally.total());
      object.put(json.passed(), tally.passed());
      object.put("accuracy", value);
      into.put(json.value(), object);
    } else {
      into.put(json.value(), value);
      into.put(json.total(), tally.total());
      into.put(json.passed(), tally.passed());
    }
  }

  /** Every metric of {@code metrics} as the JSON report writes it, in table order. */
  public static Map<String, Object> json(RunMetrics metrics) {
    var object = new LinkedHashMap<String, Object>();
    for (Metric metric : values()) {
      metric.writeJson(metrics, object);
    }
    return object;
  }

  /** The headline accuracies, in table order. */
  public static List<Metric> headlines() {
    return java.util.Arrays.stream(values()).filter(Metric::isHeadline).toList();
  }

  /**
   * The metric spelled {@code id} on the command line.
   *
   * @throws IllegalArgumentException naming the spellings there are
   */
  public static Metric fromId(String id) {
    for (Metric metric : values()) {
      if (metric.id.equals(id)) {
        return metric;
      }
    }
    throw new IllegalArgumentException(
        "unknown metric '"
            + id
            + "' (expected one of: "
            + String.join(", ", java.util.Arrays.stream(values()).map(Metric::id).toList())
            + ")");
  }
}
