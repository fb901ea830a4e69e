package io.routebench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.routebench.core.doctor.DescriptionDoctor;
import io.routebench.core.doctor.DescriptionEdit;
import io.routebench.core.doctor.VerifiedCandidate;
import io.routebench.core.run.Metric;
import io.routebench.core.run.MetricDeltas;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.TurnChange;
import io.routebench.core.run.TurnResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The doctor's report as JSON: every verified candidate with its edits, its effect, and the router
 * decisions that effect was read off, so a reader can check each claim.
 */
final class DoctorReportJson {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private DoctorReportJson() {}

  record Report(
      String runId,
      int decisions,
      int unverified,
      boolean cancelled,
      String failure,
      List<Verified> candidates) {}

  record Verified(
      int rank,
      String kind,
      String summary,
      Confusion confusion,
      List<Edit> edits,
      boolean improves,
      boolean breaksNothing,
      int net,
      List<Change> fixed,
      List<Change> broken,
      int verifiedTurns,
      int suiteTurns,
      Map<String, Double> deltas,
      List<Decision> decisions) {}

  record Confusion(String expected, String answered, int turns) {}

  record Edit(String route, String before, String after) {}

  record Change(
      String caseId, String caseName, int turn, String expected, String was, String now) {}

  record Decision(
      String caseId, int turn, String expected, String actual, String outcome, String rawOutput) {}

  static String render(RegressionRun run, DescriptionDoctor.Report report) {
    var candidates = new java.util.ArrayList<Verified>();
    for (int i = 0; i < report.ranked().size(); i++) {
      candidates.add(verified(i + 1, report.ranked().get(i)));
    }
    try {
      return JSON.writeValueAsString(
              new Report(
                  run.id(),
                  report.decisions(),
                  report.unverified(),
                  report.cancelled(),
                  report.failure(),
                  candidates))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Verified verified(int rank, VerifiedCandidate v) {
    return new Verified(
        rank,
        v.candidate().kind().label(),
        v.candidate().summary(),
        new Confusion(
            v.candidate().confusion().expected(),
            v.candidate().confusion().answered(),
            v.candidate().confusion().turns().size()),
        v.candidate().edits().stream().map(DoctorReportJson::edit).toList(),
        v.improves(),
        v.breaksNothing(),
        v.net(),
        v.fixed().stream().map(DoctorReportJson::change).toList(),
        v.broken().stream().map(DoctorReportJson::change).toList(),
        v.verifiedTurns(),
        v.suiteTurns(),
        deltas(v.deltas()),
        v.decisions().results().stream().map(DoctorReportJson::decision).toList());
  }

  /** Candidate minus run for every metric, keyed as {@code --metric} spells it. */
  private static Map<String, Double> deltas(MetricDeltas deltas) {
    var byId = new LinkedHashMap<String, Double>();
    for (Metric metric : Metric.values()) {
      byId.put(metric.id(), deltas.of(metric));
    }
    return byId;
  }

  private static Edit edit(DescriptionEdit edit) {
    return new Edit(edit.routeName(), edit.before(), edit.after());
  }

  private static Change change(TurnChange change) {
    return new Change(
        change.caseId(),
        change.caseName(),
        change.turnIndex() + 1,
        change.expected(),
        change.baselineActual(),
        change.candidateActual());
  }

  private static Decision decision(TurnResult turn) {
    return new Decision(
        turn.caseId(),
        turn.turnIndex() + 1,
        turn.expected(),
        turn.actual(),
        turn.outcome().name().toLowerCase(Locale.ROOT),
        turn.rawOutput());
  }
}
