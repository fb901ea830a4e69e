package io.routebench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.run.Metric;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RouteScore;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunMetrics;
import io.routebench.core.run.TurnChange;
import io.routebench.core.run.TurnResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A regression run as JSON: engine, the paper's metrics and every turn's result. */
final class RunJsonReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunJsonReport() {}

  static String render(RegressionRun run, RunMetrics metrics, RunComparison comparison) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run_id", run.id());
    root.put("suite", run.suiteName());
    root.put("started_at", run.startedAt().toString());
    root.put("duration_ms", run.durationMillis());
    root.put("status", run.status().name().toLowerCase(Locale.ROOT));
    if (!run.failureMessage().isEmpty()) {
      root.put("failure", run.failureMessage());
    }
    ObjectNode engine = root.putObject("engine");
    engine.put("kind", run.engine().kind());
    engine.put("model", run.engine().model());
    engine.put("model_sha256", run.engine().modelSha256());
    engine.put("profile", run.engine().profile().id());
    ObjectNode settings = engine.putObject("settings");
    run.engine().settings().forEach(settings::put);

    ObjectNode m = root.putObject("metrics");
    Metric.json(metrics).forEach((key, value) -> m.set(key, JSON.valueToTree(value)));
    ObjectNode perRoute = m.putObject("per_route");
    for (Map.Entry<String, RouteScore> entry : metrics.perRoute().entrySet()) {
      ObjectNode score = perRoute.putObject(entry.getKey());
      score.put("precision", entry.getValue().precision());
      score.put("recall", entry.getValue().recall());
      score.put("f1", entry.getValue().f1());
      score.put("support", entry.getValue().support());
    }

    ArrayNode turns = root.putArray("turns");
    for (TurnResult result : run.results()) {
      ObjectNode turn = turns.addObject();
      turn.put("case_id", result.caseId());
      turn.put("case", result.caseName());
      turn.put("turn", result.turnIndex() + 1);
      turn.put("message_index", result.messageIndex());
      turn.put("expected", result.expected());
      turn.put("actual", result.actual());
      turn.put("passed", result.passed());
      turn.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
      turn.put("raw_output", result.rawOutput());
      ArrayNode listed = turn.putArray("listed_routes");
      result.listedRoutes().forEach(listed::add);
      turn.put("right_outranked", result.rightButOutranked());
      turn.put("latency_ms", result.latencyMillis());
      turn.put("prompt_tokens", result.promptTokens());
      turn.put("reused_tokens", result.reusedTokens());
    }
    if (comparison != null) {
      ObjectNode compared = root.putObject("comparison");
      changes(compared.putArray("regressions"), comparison.regressions());
      changes(compared.putArray("fixes"), comparison.fixes());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void changes(ArrayNode array, List<TurnChange> changes) {
    for (TurnChange change : changes) {
      ObjectNode node = array.addObject();
      node.put("case", change.caseName());
      node.put("turn", change.turnIndex() + 1);
      node.put("expected", change.expected());
      node.put("baseline", change.baselineActual());
      node.put("candidate", change.candidateActual());
    }
  }
}
