package io.routebench.core.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteNames;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParityReportTest {

  private static TurnResult turn(String caseId, int index, String actual, DecisionOutcome outcome) {
    return new TurnResult(
        caseId,
        "case " + caseId,
        index,
        index * 2,
        "code",
        actual,
        outcome,
        "raw",
        5,
        0,
        0,
        List.of());
  }

  private static RegressionRun run(String kind, RunStatus status, TurnResult... results) {
    return new RegressionRun(
        kind,
        "suite",
        "suite",
        new EngineIdentity(kind, kind, "", PromptProfile.PLANO_V1, Map.of()),
        Instant.EPOCH,
        0,
        status,
        "",
        List.of(results),
        null);
  }

  @Test
  void turns_that_go_the_same_way_agree_and_the_others_are_listed_with_both_answers() {
    RegressionRun plano =
        run(
            "plano",
            RunStatus.COMPLETED,
            turn("a", 0, "code", DecisionOutcome.MATCHED),
            turn("a", 1, "other", DecisionOutcome.EMPTY),
            turn("b", 0, RouteNames.PROXY_ERROR, DecisionOutcome.PROXY_ERROR),
            turn("c", 0, "code", DecisionOutcome.MATCHED));
    RegressionRun local =
        run(
            "llama.cpp",
            RunStatus.COMPLETED,
            turn("a", 0, "code", DecisionOutcome.MATCHED),
            // plano's "no route" and the model's "other" both go to the default: they agree.
            turn("a", 1, "other", DecisionOutcome.OTHER),
            turn("b", 0, "code", DecisionOutcome.MATCHED),
            turn("c", 0, "bug", DecisionOutcome.MATCHED));

    ParityReport report = ParityReport.compare(plano, local);

    assertThat(report.comparedTurns()).isEqualTo(4);
    assertThat(report.differences())
        .extracting(d -> d.caseName() + "/" + d.plano().actual() + "/" + d.other().actual())
        .containsExactly("case b/(proxy error)/code", "case c/code/bug");
    assertThat(report.parityRate()).isCloseTo(0.5, within(1e-12));
    assertThat(report.isComplete()).isTrue();
  }

  @Test
  void only_turns_both_answered_are_compared() {
    RegressionRun plano =
        run("plano", RunStatus.CANCELLED, turn("a", 0, "code", DecisionOutcome.MATCHED));
    RegressionRun local =
        run(
            "llama.cpp",
            RunStatus.COMPLETED,
            turn("a", 0, "code", DecisionOutcome.MATCHED),
            turn("a", 1, "bug", DecisionOutcome.MATCHED));

    ParityReport report = ParityReport.compare(plano, local);

    assertThat(report.comparedTurns()).isEqualTo(1);
    assertThat(report.parityRate()).isEqualTo(1.0);
    assertThat(report.isComplete()).isFalse();
  }
}
