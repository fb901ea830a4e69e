package io.routebench.app.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.decision.DecisionDetailsViewModel.Match;
import io.routebench.app.decision.DecisionDetailsViewModel.Span;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionDetailsViewModelTest {

  private final DecisionDetailsViewModel why = new DecisionDetailsViewModel();

  @Test
  void a_local_decision_shows_the_model_input_with_every_part_told_apart() {
    DecisionDetails details = SampleDetails.answered("code generation", true);
    why.detailsProperty().set(details);

    String text = why.text();
    assertThat(text).isEqualTo(details.modelInput());
    List<Span> spans = why.spans();
    assertThat(spans)
        .extracting(Span::styleClass)
        .containsExactly(
            DecisionDetailsViewModel.CHAT_TEMPLATE,
            DecisionDetailsViewModel.INSTRUCTIONS,
            DecisionDetailsViewModel.ROUTES,
            DecisionDetailsViewModel.INSTRUCTIONS,
            DecisionDetailsViewModel.CONVERSATION,
            DecisionDetailsViewModel.INSTRUCTIONS,
            DecisionDetailsViewModel.CHAT_TEMPLATE);
    assertThat(spans.get(0).start()).isZero();
    assertThat(spans.get(spans.size() - 1).end()).isEqualTo(text.length());
    assertThat(text.substring(spans.get(0).start(), spans.get(0).end()))
        .isEqualTo(SampleDetails.CHAT_HEAD);
    assertThat(text.substring(spans.get(2).start(), spans.get(2).end()))
        .startsWith("[{\"name\":\"debugging\"");
    assertThat(text.substring(spans.get(4).start(), spans.get(4).end()))
        .isEqualTo("[{\"role\":\"user\",\"content\":\"write a parser in rust\"}]");
    assertThat(why.prompt()).isEqualTo(details.prompt());
  }

  @Test
  void a_list_answer_is_shown_whole_with_the_entry_plano_takes() {
    why.detailsProperty()
        .set(
            SampleDetails.read(
                "{\"route\": [\"bogus\", \"debugging\", \"code generation\"]}",
                AnswerReading.listed(
                    List.of("bogus", "debugging", "code generation"), "debugging")));

    assertThat(why.outcomeLine()).isEqualTo("debugging · matched a policy");
    assertThat(why.answerListLine())
        .isEqualTo(
            "Listed: 1. bogus (no such route: skipped) · 2. debugging (plano takes this) · 3."
                + " code generation");
  }

  @Test
  void a_single_route_answer_has_no_list_line() {
    why.detailsProperty().set(SampleDetails.answered("code generation", true));

    assertThat(why.answerListLine()).isEmpty();
  }

  @Test
  void plano_s_own_decision_shows_the_models_it_ranked_and_where_the_request_goes() {
    why.detailsProperty()
        .set(
            SampleDetails.read(
                "{\"models\":[\"openai/gpt-4o\",\"anthropic/claude-sonnet-4-5\"],"
                    + "\"route\":\"code generation\",\"trace_id\":\"t\"}",
                AnswerReading.decidedByProxy(
                    "code generation", List.of("openai/gpt-4o", "anthropic/claude-sonnet-4-5"))));

    // plano ranked gpt-4o first (e.g. prefer: cheapest): that is where production sends it.
    assertThat(why.proxyActionLine())
        .isEqualTo(
            "The proxy routes to openai/gpt-4o (policy code generation, ranked first by plano).");
    assertThat(why.answerListLine())
        .isEqualTo("plano's models: openai/gpt-4o, then anthropic/claude-sonnet-4-5 on 429/5xx");
    assertThat(why.textNote()).startsWith("plano decided this itself");
  }

  @Test
  void the_lines_say_the_outcome_what_the_proxy_does_and_where_the_time_went() {
    why.detailsProperty().set(SampleDetails.answered("code generation", true));

    assertThat(why.outcomeLine()).isEqualTo("code generation · matched a policy");
    assertThat(why.proxyActionLine())
        .isEqualTo("The proxy routes to anthropic/claude-sonnet-4-5 (policy code generation).");
    assertThat(why.rawOutputLine()).isEqualTo("Raw output: {\"route\": \"code generation\"}");
    assertThat(why.timingLine())
        .isEqualTo(
            "Time: prompt 2900 ms, decode 45 ms, total 2950 ms · Tokens: prompt 520 (368 reused,"
                + " 152 evaluated), 1 generated");
    assertThat(why.routeOrderLine())
        .isEqualTo("Routes are listed in this order: debugging, code generation, email drafting.");
  }

  @Test
  void an_unknown_route_goes_to_the_default_target() {
    why.detailsProperty().set(SampleDetails.answered("poetry", true));

    assertThat(why.outcomeLine()).startsWith("other · router named unknown route \"poetry\"");
    assertThat(why.proxyActionLine())
        .isEqualTo("The proxy goes to the default target openai/gpt-4o.");
  }

  @Test
  void a_remote_decision_shows_the_prompt_alone_and_says_so() {
    DecisionDetails details = SampleDetails.answered("debugging", false);
    why.detailsProperty().set(details);

    assertThat(why.text()).isEqualTo(details.prompt());
    assertThat(why.spans())
        .extracting(Span::styleClass)
        .doesNotContain(DecisionDetailsViewModel.CHAT_TEMPLATE);
    assertThat(why.textNote()).contains("The server wraps it in its own chat template");
  }

  @Test
  void the_panel_says_which_engines_wrapping_the_model_read() {
    why.detailsProperty()
        .set(
            SampleDetails.answered(
                "code generation", true, PromptWrapping.of(ServingEngine.VLLM).recorded()));

    assertThat(why.wrappingLine()).isEqualTo("Served by: vllm (wrapped here as it wraps it)");
    assertThat(why.textNote())
        .contains("inside the chat template (grey) as vllm wraps it")
        .contains("Qwen's default system turn comes first (text B)");
  }

  @Test
  void a_servers_decision_names_the_wrapping_it_is_said_to_apply_and_the_check() {
    why.detailsProperty()
        .set(SampleDetails.answered("debugging", false, PromptWrapping.DEFAULT.recorded()));

    assertThat(why.wrappingLine()).isEqualTo("Served by: ollama (wrapped by the server)");
    assertThat(why.textNote())
        .contains("the workspace says it is ollama")
        .contains("no system turn unless a system message is set (text A)")
        .contains("Check against my server");
  }

  @Test
  void search_ignores_case_and_steps_through_the_matches_both_ways_round() {
    why.detailsProperty().set(SampleDetails.answered("code generation", true));
    String text = why.text();

    why.queryProperty().set("IM_START");

    int first = text.indexOf("im_start");
    int second = text.indexOf("im_start", first + 1);
    int last = text.lastIndexOf("im_start");
    assertThat(why.matchStatusProperty().get()).isEqualTo("1 of 3");
    assertThat(why.currentMatchProperty().get()).isEqualTo(new Match(first, first + 8));
    why.nextMatch();
    assertThat(why.currentMatchProperty().get()).isEqualTo(new Match(second, second + 8));
    why.previousMatch();
    why.previousMatch();
    assertThat(why.currentMatchProperty().get()).isEqualTo(new Match(last, last + 8));
    assertThat(why.matchStatusProperty().get()).isEqualTo("3 of 3");

    why.queryProperty().set("no such text");
    assertThat(why.matchStatusProperty().get()).isEqualTo("no match");
    assertThat(why.currentMatchProperty().get()).isNull();
  }

  @Test
  void without_a_decision_nothing_is_shown() {
    assertThat(why.text()).isEmpty();
    assertThat(why.spans()).isEmpty();
    assertThat(why.outcomeLine()).isEmpty();
  }
}
