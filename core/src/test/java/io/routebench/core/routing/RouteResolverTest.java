package io.routebench.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteResolverTest {

  private static final PolicyDocument DOCUMENT =
      new PolicyDocument(
          "coding",
          PromptProfile.ARCHGW_V1,
          new Taxonomy(
              List.of(
                  new Domain(
                      "d1",
                      "coding",
                      "",
                      null,
                      List.of(
                          new Action(
                              "a1",
                              "debugging",
                              "Finding bugs.",
                              PolicySettings.targeting("anthropic/claude")))))),
          List.of(
              ModelTarget.of("openai/gpt", "$OPENAI_API_KEY", true),
              ModelTarget.of("anthropic/claude", "$ANTHROPIC_API_KEY", false)),
          null,
          ProxyConfigExtras.NONE);

  private static RouteDecision resolve(String raw, AnswerReading reading) {
    return RouteResolver.resolve(
        new RouterAnswer(
            raw,
            reading,
            PromptProfile.ARCHGW_V1,
            DecisionTiming.wallClockOnly(1),
            AnswerExactness.EXACT),
        DOCUMENT);
  }

  @Test
  void an_answer_the_proxy_cannot_read_fails_the_request_and_goes_nowhere() {
    RouteDecision decision =
        resolve("Sure! debugging", AnswerReading.proxyError("the answer is not valid JSON"));

    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PROXY_ERROR);
    assertThat(decision.outcome().usesDefaultTarget()).isFalse();
    assertThat(decision.targetModel()).isEmpty();
    assertThat(decision.effectiveRoute()).isEqualTo(RouteNames.PROXY_ERROR);
  }

  @Test
  void each_readable_answer_keeps_its_outcome() {
    assertThat(resolve("", AnswerReading.route("")).outcome()).isEqualTo(DecisionOutcome.EMPTY);
    assertThat(resolve("x", AnswerReading.route("other")).outcome())
        .isEqualTo(DecisionOutcome.OTHER);
    assertThat(resolve("x", AnswerReading.route("poetry")).outcome())
        .isEqualTo(DecisionOutcome.UNKNOWN);
    RouteDecision matched = resolve("x", AnswerReading.route("debugging"));
    assertThat(matched.outcome()).isEqualTo(DecisionOutcome.MATCHED);
    assertThat(matched.targetModel())
        .get()
        .extracting(ModelTarget::model)
        .isEqualTo("anthropic/claude");
    assertThat(resolve("x", AnswerReading.route("poetry")).targetModel())
        .get()
        .extracting(ModelTarget::model)
        .isEqualTo("openai/gpt");
  }
}
