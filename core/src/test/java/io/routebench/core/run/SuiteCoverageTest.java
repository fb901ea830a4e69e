package io.routebench.core.run;

import static io.routebench.core.run.Turns.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteCoverageTest {

  @Test
  void counts_turns_per_route_flags_thin_routes_and_routes_predicted_but_never_expected() {
    var suite =
        new TestSuite(
            "s",
            "suite",
            "",
            List.of(
                new TestCase(
                    "1",
                    "one",
                    List.of(),
                    "",
                    List.of(
                        CaseMessage.user("a", "code"),
                        CaseMessage.assistant("ok"),
                        CaseMessage.user("b", "code"))),
                new TestCase("2", "two", List.of(), "", List.of(CaseMessage.user("c", "other")))));
    RunMetrics run =
        MetricsCalculator.compute(
            List.of(
                turn("1", 0, "code", "code"),
                turn("1", 1, "code", "deploy"),
                turn("2", 0, "other", "deploy")));

    var coverage = SuiteCoverage.of(suite, List.of("code", "deploy", "review"), 2, run);

    assertThat(coverage.turnsPerRoute())
        .containsExactly(
            Map.entry("code", 2),
            Map.entry("deploy", 0),
            Map.entry("review", 0),
            Map.entry("other", 1));
    assertThat(coverage.underTested()).containsExactly("deploy", "review", "other");
    assertThat(coverage.predictedButNeverExpected())
        .containsExactly(new SuiteCoverage.Prediction("deploy", 2));
  }
}
