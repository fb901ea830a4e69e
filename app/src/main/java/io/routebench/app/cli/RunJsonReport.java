package io.routebench.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.run.Metric;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RouteScore;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnChange;
import io.routebench.core.run.TurnResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A regression run as JSON: engine, the paper's metrics and every turn's result. The document is
 * the records below, in their component order; keys are their names in snake case.
 */
final class RunJsonReport {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private RunJsonReport() {}

  static String render(RegressionRun run, RunMetrics metrics, RunComparison comparison) {
    var report =
        new Report(
            run.id(),
            run.suiteName(),
            run.startedAt().toString(),
            run.durationMillis(),
            lowerCase(run.status()),
            run.failureMessage().isEmpty() ? null : run.failureMessage(),
            Engine.of(run.engine()),
            metrics(metrics),
            run.results().stream().map(Turn::of).toList(),
            comparison == null ? null : Comparison.of(comparison));
    try {
      return JSON.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lowerCase(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  record Report(
      String runId,
      String suite,
      String startedAt,
      long durationMs,
      String status,
      @JsonInclude(JsonInclude.Include.NON_NULL) String failure,
      Engine engine,
      Map<String, Object> metrics,
      List<Turn> turns,
      @JsonInclude(JsonInclude.Include.NON_NULL) Comparison comparison) {}

  record Engine(
      String kind, String model, String modelSha256, String profile, Map<String, String> settings) {
    static Engine of(EngineIdentity engine) {
      return new Engine(
          engine.kind(),
          engine.model(),
          engine.modelSha256(),
          engine.profile().id(),
          // Sorted: the identity's map has no order of its own.
          new TreeMap<>(engine.settings()));
    }
  }

  /**
   * Every metric of the {@link Metric} table under its JSON keys, then each route's scores: one
   * place lists the metrics, so the report follows the table.
   */
  private static Map<String, Object> metrics(RunMetrics metrics) {
    var object = Metric.json(metrics);
    var perRoute = new LinkedHashMap<String, Score>();
    metrics.perRoute().forEach((route, score) -> perRoute.put(route, Score.of(score)));
    object.put("per_route", perRoute);
    return object;
  }

  record Score(double precision, double recall, double f1, int support) {
    static Score of(RouteScore score) {
      return new Score(score.precision(), score.recall(), score.f1(), score.support());
    }
  }

  record Turn(
      String caseId,
      @JsonProperty("case") String caseName,
      int turn,
      int messageIndex,
      String expected,
      String actual,
      boolean passed,
      String outcome,
      String rawOutput,
      List<String> listedRoutes,
      boolean rightOutranked,
      long latencyMs,
      int promptTokens,
      int reusedTokens) {
    static Turn of(TurnResult result) {
      return new Turn(
          result.caseId(),
          result.caseName(),
          result.turnIndex() + 1,
          result.messageIndex(),
          result.expected(),
          result.actual(),
          result.passed(),
          lowerCase(result.outcome()),
          result.rawOutput(),
          result.listedRoutes(),
          result.rightButOutranked(),
          result.latencyMillis(),
          result.promptTokens(),
          result.reusedTokens());
    }
  }

  record Comparison(List<Change> regressions, List<Change> fixes) {
    static Comparison of(RunComparison comparison) {
      return new Comparison(
          comparison.regressions().stream().map(Change::of).toList(),
          comparison.fixes().stream().map(Change::of).toList());
    }
  }

  record Change(
      @JsonProperty("case") String caseName,
      int turn,
      String expected,
      String baseline,
      String candidate) {
    static Change of(TurnChange change) {
      return new Change(
          change.caseName(),
          change.turnIndex() + 1,
          change.expected(),
          change.baselineActual(),
          change.candidateActual());
    }
  }
}
