package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import de.kherud.llama.InferenceParameters;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.inference.gguf.TinyGgufModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production decision through the real llama.cpp binding, on models built to answer a known
 * text: each outcome of both proxies, and that exact decoding gives the free greedy tokens.
 */
class ExactDecisionTest {

  @TempDir static Path models;

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
                              "Finding the cause of an error or crash.",
                              PolicySettings.targeting("anthropic/claude")),
                          new Action(
                              "a2",
                              "code review",
                              "Reviewing existing code for problems.",
                              PolicySettings.targeting("anthropic/claude")))))),
          List.of(
              ModelTarget.of("openai/gpt", "$OPENAI_API_KEY", true),
              ModelTarget.of("anthropic/claude", "$ANTHROPIC_API_KEY", false)),
          null,
          ProxyConfigExtras.NONE);

  private static final List<String> ARCHGW_FORM = List.of("{\"route\": \"", "debugging", "\"}");
  private static final List<String> PLANO_FORM = List.of("{\"route\": [\"", "debugging", "\"]}");

  @Test
  void archgw_reads_arch_routers_own_answer_as_the_route() {
    RouteDecision decision = decide(ARCHGW_FORM, PromptProfile.ARCHGW_V1);

    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.MATCHED);
    assertThat(decision.effectiveRoute()).isEqualTo("debugging");
    assertThat(decision.targetModel())
        .get()
        .extracting(ModelTarget::model)
        .isEqualTo("anthropic/claude");
    assertThat(decision.answer().rawOutput()).isEqualTo("{\"route\": \"debugging\"}");
  }

  @Test
  void plano_fails_the_request_on_arch_routers_string_form() {
    RouteDecision decision = decide(ARCHGW_FORM, PromptProfile.PLANO_V1);

    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PROXY_ERROR);
    assertThat(decision.targetModel()).isEmpty();
    assertThat(decision.answer().rawOutput()).isEqualTo("{\"route\": \"debugging\"}");
    assertThat(decision.answer().reading().proxyError())
        .isEqualTo("\"route\" is a string where plano expects a list");
  }

  @Test
  void plano_reads_its_list_form_and_archgw_fails_on_it() {
    assertThat(decide(PLANO_FORM, PromptProfile.PLANO_V1).outcome())
        .isEqualTo(DecisionOutcome.MATCHED);
    assertThat(decide(PLANO_FORM, PromptProfile.ARCHGW_V1).outcome())
        .isEqualTo(DecisionOutcome.PROXY_ERROR);
  }

  @Test
  void other_goes_to_the_default_target() {
    RouteDecision decision =
        decide(List.of("{\"route\": \"", "other", "\"}"), PromptProfile.ARCHGW_V1);

    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.OTHER);
    assertThat(decision.targetModel()).get().extracting(ModelTarget::model).isEqualTo("openai/gpt");
  }

  @Test
  void an_unknown_name_goes_to_the_default_target_in_both_proxies() {
    RouteDecision archgw =
        decide(List.of("{\"route\": \"", "poetry", "\"}"), PromptProfile.ARCHGW_V1);
    RouteDecision plano =
        decide(List.of("{\"route\": [\"", "poetry", "\"]}"), PromptProfile.PLANO_V1);

    assertThat(archgw.outcome()).isEqualTo(DecisionOutcome.UNKNOWN);
    assertThat(archgw.answer().routeName()).isEqualTo("poetry");
    assertThat(archgw.targetModel()).get().extracting(ModelTarget::model).isEqualTo("openai/gpt");
    assertThat(plano.outcome()).isEqualTo(DecisionOutcome.UNKNOWN);
  }

  @Test
  void an_empty_answer_names_no_route() {
    RouteDecision decision = decide(List.of(), PromptProfile.ARCHGW_V1);

    assertThat(decision.answer().rawOutput()).isEmpty();
    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EMPTY);
    assertThat(decision.answer().timing().generatedTokens()).isEqualTo(1);
  }

  @Test
  void trailing_text_fails_the_request_in_both_proxies() {
    var answer = List.of("{\"route\": \"", "debugging", "\"}", " Hope that helps!");

    RouteDecision archgw = decide(answer, PromptProfile.ARCHGW_V1);

    assertThat(archgw.outcome()).isEqualTo(DecisionOutcome.PROXY_ERROR);
    assertThat(archgw.answer().rawOutput())
        .isEqualTo("{\"route\": \"debugging\"} Hope that helps!");
    assertThat(archgw.answer().reading().proxyError()).isEqualTo("text follows the JSON answer");
    assertThat(
            decide(
                    List.of("{\"route\": [\"", "debugging", "\"]}", " Hope that helps!"),
                    PromptProfile.PLANO_V1)
                .outcome())
        .isEqualTo(DecisionOutcome.PROXY_ERROR);
  }

  @Test
  void a_fenced_answer_is_valid_for_archgw_and_an_error_for_plano() {
    RouteDecision archgw =
        decide(List.of("```json\n", "{\"route\": \"", "debugging", "\"}", "\n```"), ARCHGW);
    RouteDecision plano =
        decide(
            List.of("```json\n", "{\"route\": [\"", "debugging", "\"]}", "\n```"),
            PromptProfile.PLANO_V1);

    assertThat(archgw.outcome()).isEqualTo(DecisionOutcome.MATCHED);
    assertThat(archgw.answer().rawOutput()).isEqualTo("```json\n{\"route\": \"debugging\"}\n```");
    assertThat(plano.outcome()).isEqualTo(DecisionOutcome.PROXY_ERROR);
  }

  @Test
  void free_text_fails_the_request_where_the_preview_showed_a_tidy_route() {
    var previews = new ArrayList<RouterAnswer>();
    RouterAnswer exact =
        withModel(
            List.of("Sure!", " This looks like", " debugging."),
            engine ->
                engine.select(
                    request(PromptProfile.ARCHGW_V1), CancellationToken.none(), previews::add));

    RouteDecision decision = RouteResolver.resolve(exact, DOCUMENT);
    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PROXY_ERROR);
    assertThat(exact.rawOutput()).isEqualTo("Sure! This looks like debugging.");
    assertThat(exact.isPreview()).isFalse();
    // The constrained preview can only name a route: it is shown as provisional, then corrected.
    assertThat(previews)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isPreview()).isTrue();
              assertThat(RouteResolver.resolve(p, DOCUMENT).outcome())
                  .isNotEqualTo(DecisionOutcome.PROXY_ERROR);
            });
  }

  @Test
  void exact_decoding_gives_the_tokens_of_free_greedy_decoding_in_one_request() {
    var answer = List.of("```json\n", "{\"route\": \"", "debugging", "\"}", "\n```");
    String[] free = new String[1];
    RouterAnswer exact =
        withModel(
            answer,
            engine -> {
              RouteRequest request = request(PromptProfile.ARCHGW_V1);
              // What llama.cpp's server returns to the proxy: one request, the whole prompt, no
              // grammar, no prefill, temperature as the proxy sends it.
              int[] prompt = engine.model().encode(engine.fullPromptText(request));
              var parameters =
                  PromptTokens.withPromptTokens(
                      new InferenceParameters("")
                          .setNPredict(LlamaRouteSelector.ANSWER_TOKEN_LIMIT)
                          .setCachePrompt(false)
                          .setTemperature(0.01f),
                      prompt,
                      prompt.length);
              free[0] = engine.model().complete(parameters);
              engine.cache().invalidate();
              return engine.select(request, CancellationToken.none());
            });

    assertThat(exact.rawOutput()).isEqualTo(free[0]).isEqualTo(String.join("", answer));
    // Five pieces, then the end-of-turn token.
    assertThat(exact.timing().generatedTokens()).isEqualTo(6);
  }

  private static final PromptProfile ARCHGW = PromptProfile.ARCHGW_V1;

  private static RouteDecision decide(List<String> answer, PromptProfile profile) {
    RouterAnswer exact =
        withModel(answer, engine -> engine.select(request(profile), CancellationToken.none()));
    assertThat(exact.isPreview()).isFalse();
    assertThat(exact.rawOutput()).isEqualTo(String.join("", answer));
    return RouteResolver.resolve(exact, DOCUMENT);
  }

  private static RouteRequest request(PromptProfile profile) {
    return new RouteRequest(
        RouteOption.allOf(DOCUMENT),
        List.of(Message.user("It crashes with a NullPointerException, why?")),
        profile);
  }

  private interface EngineUse<T> {
    T apply(LlamaRouteSelector engine);
  }

  private static <T> T withModel(List<String> answer, EngineUse<T> use) {
    Path file =
        TinyGgufModels.answering(
            models.resolve("answers-" + Integer.toHexString(answer.hashCode()) + ".gguf"), answer);
    try (var engine =
        LlamaEngineLoader.load(
            file,
            LlamaEngineSettings.defaults().withContextSize(4096).withChunkTokens(64),
            w -> {})) {
      return use.apply(engine);
    }
  }
}
