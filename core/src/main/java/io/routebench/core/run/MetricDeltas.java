package io.routebench.core.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Candidate minus baseline for every {@link Metric}: fractions for shares (+0.02 = two points
 * better), counts for counts (+1 = one more such turn).
 */
public record MetricDeltas(Map<Metric, Double> byMetric) {

  public MetricDeltas {
    var complete = new EnumMap<Metric, Double>(Metric.class);
    for (Metric metric : Metric.values()) {
      complete.put(metric, byMetric.getOrDefault(metric, 0.0));
    }
    byMetric = Collections.unmodifiableMap(complete);
  }

  public static MetricDeltas between(RunMetrics baseline, RunMetrics candidate) {
    var deltas = new EnumMap<Metric, Double>(Metric.class);
    for (Metric metric : Metric.values()) {
      deltas.put(metric, metric.value(candidate) - metric.value(baseline));
    }
    return new MetricDeltas(deltas);
  }

  /** No change in any metric. */
  public static MetricDeltas none() {
    return new MetricDeltas(Map.of());
  }

  public double of(Metric metric) {
    return byMetric.get(metric);
  }
}
