package io.routebench.app.parity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.parity.ParityReport;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.TurnResult;
import java.util.Locale;

/**
 * A parity run as JSON, the same from {@code routebench parity --json} and the workbench's Save:
 * both routers, the rate, and every turn they routed apart with both answers.
 */
public final class ParityJsonReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ParityJsonReport() {}

  public static String render(ParityReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", report.plano().suiteName());
    root.put("compared_turns", report.comparedTurns());
    root.put("agreeing_turns", report.agreeingTurns());
    root.put("parity_rate", report.parityRate());
    root.put("complete", report.isComplete());
    router(root.putObject("plano"), report.plano());
    router(root.putObject("router"), report.other());
    ArrayNode differences = root.putArray("differences");
    for (ParityReport.Difference difference : report.differences()) {
      ObjectNode node = differences.addObject();
      node.put("case_id", difference.plano().caseId());
      node.put("case", difference.caseName());
      node.put("turn", difference.turnIndex() + 1);
      node.put("expected", difference.expected());
      answer(node.putObject("plano"), difference.plano());
      answer(node.putObject("router"), difference.other());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void router(ObjectNode node, RegressionRun run) {
    node.put("kind", run.engine().kind());
    node.put("model", run.engine().model());
    node.put("profile", run.engine().profile().id());
    node.put("status", run.status().name().toLowerCase(Locale.ROOT));
    node.put("turns", run.results().size());
    if (!run.failureMessage().isEmpty()) {
      node.put("failure", run.failureMessage());
    }
  }

  private static void answer(ObjectNode node, TurnResult turn) {
    node.put("route", turn.actual());
    node.put("outcome", turn.outcome().name().toLowerCase(Locale.ROOT));
    node.put("passed", turn.passed());
    node.put("raw_output", turn.rawOutput());
    ArrayNode listed = node.putArray("listed_routes");
    turn.listedRoutes().forEach(listed::add);
  }
}
