package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionListener;
import io.routebench.core.routing.LiveRoutingSession;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.prompt.RouterPromptBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions through the real llama.cpp binding on a tiny random-weight qwen2 model. */
class LlamaRouteSelectorTest {

  @TempDir static Path models;

  private static final List<RouteOption> ROUTES =
      List.of(
          new RouteOption("code generation", "Generating new code from a description."),
          new RouteOption("code review", "Reviewing existing code for problems."),
          new RouteOption("debugging", "Finding the cause of an error or crash."),
          new RouteOption("trip planning", "Planning travel: flights, hotels, itineraries."),
          new RouteOption("résumé writing", "Writing or improving a CV 😀."));

  private static final List<String> VALID_ANSWERS =
      List.of(
          "code generation",
          "code review",
          "debugging",
          "trip planning",
          "résumé writing",
          "other");

  private static LlamaRouteSelector engine;
  private static final List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void loadModel() {
    engine =
        LlamaEngineLoader.load(
            TinyGgufModels.tinyQwen(models),
            LlamaEngineSettings.defaults().withContextSize(4096).withChunkTokens(32),
            warnings::add);
  }

  @AfterAll
  static void closeModel() {
    engine.close();
  }

  @Test
  void counts_tokens_with_the_models_own_tokenizer() {
    // The test vocabulary's merges: "o u" applies inside "route", none inside "xyz".
    assertThat(engine.countTokens("")).hasValue(0);
    assertThat(engine.countTokens("xyz")).hasValue(3);
    assertThat(engine.countTokens("route")).hasValue(4);
  }

  @Test
  void every_preview_is_a_known_route_or_other_whatever_the_conversation() {
    for (String text :
        List.of("write a quicksort in rust", "hi", "where should I go in June?", "日本語で")) {
      RouterAnswer answer = preview(request(PromptProfile.ARCHGW_V1, Message.user(text)));

      assertThat(answer.routeName()).isIn(VALID_ANSWERS);
      assertThat(answer.rawOutput()).isEqualTo("{\"route\": \"" + answer.routeName() + "\"}");
    }
  }

  @Test
  void a_first_token_that_ends_inside_a_multi_byte_character_still_previews_a_known_route() {
    // The tiny vocabulary spells text byte by byte, so any answer other than "other" starts with
    // a token holding only the first byte of "é": the engine cannot read it and must let
    // llama.cpp finish the answer in one request.
    var accented =
        List.of(
            new RouteOption("été travel", "Summer holidays and travel plans."),
            new RouteOption("étude help", "Help with studying for exams."));
    var answers = new ArrayList<String>();
    for (String text :
        List.of("plan my holiday", "quiz me", "hello", "résumé", "exams next week", "beach?")) {
      RouterAnswer answer =
          preview(new RouteRequest(accented, List.of(Message.user(text)), PromptProfile.ARCHGW_V1));

      assertThat(answer.routeName()).isIn("été travel", "étude help", "other");
      assertThat(answer.rawOutput()).isEqualTo("{\"route\": \"" + answer.routeName() + "\"}");
      answers.add(answer.routeName());
    }
    assertThat(answers)
        .as("answers that went through the multi-byte path")
        .anyMatch(name -> !name.equals("other"));

    // The cache bookkeeping stayed consistent: the next decision still reuses the shared prefix.
    RouterAnswer next =
        preview(
            new RouteRequest(accented, List.of(Message.user("beach?")), PromptProfile.ARCHGW_V1));
    assertThat(next.routeName()).isEqualTo(answers.get(answers.size() - 1));
    assertThat(next.timing().reusedTokens()).isPositive();
  }

  @Test
  void plano_previews_are_a_list_whose_first_name_is_known_or_an_empty_list() {
    for (String text : List.of("fix this null pointer", "book me a hotel")) {
      RouterAnswer answer = preview(request(PromptProfile.PLANO_V1, Message.user(text)));

      assertThat(answer.profile()).isEqualTo(PromptProfile.PLANO_V1);
      assertThat(answer.routeName())
          .isIn(
              new ArrayList<>(VALID_ANSWERS) {
                {
                  add("");
                }
              });
      assertThat(answer.rawOutput()).startsWith("{\"route\": [");
    }
  }

  @Test
  void the_prompt_is_the_proxy_prompt_wrapped_as_ollama_wraps_it_by_default() {
    var request = request(PromptProfile.ARCHGW_V1, Message.user("write a parser"));

    // Ollama, the proxies' documented setup, adds no system turn (ServedByWrappingTest has all).
    assertThat(engine.fullPromptText(request))
        .isEqualTo(
            "<|im_start|>user\n"
                + RouterPromptBuilder.build(request).text()
                + "<|im_end|>\n<|im_start|>assistant\n");
    assertThat(engine.usesChatMlFallback()).isFalse();
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_follow_up_turn_reuses_the_cached_conversation_and_evaluates_far_fewer_tokens() {
    var first =
        request(
            PromptProfile.ARCHGW_V1,
            Message.user("Write a function that parses ISO dates in Java."));
    var followUp =
        request(
            PromptProfile.ARCHGW_V1,
            Message.user("Write a function that parses ISO dates in Java."),
            Message.assistant("Here is a parser using java.time.LocalDate.parse(...)."),
            Message.user("Now add unit tests for leap years."));
    // Measured under llama-server's text B, whose system turn is part of the reusable prefix.
    try (var cold =
        LlamaEngineLoader.load(
            TinyGgufModels.tinyQwen(models),
            LlamaEngineSettings.defaults().withContextSize(4096),
            PromptWrapping.of(ServingEngine.LLAMA_SERVER),
            w -> {})) {
      var firstTiming = cold.select(first, CancellationToken.none()).timing();
      var followUpTiming = cold.select(followUp, CancellationToken.none()).timing();

      assertThat(firstTiming.reusedTokens()).isZero();
      assertThat(firstTiming.evaluatedTokens()).isEqualTo(firstTiming.promptTokens());
      // The tiny model spells text byte by byte, so the fixed tail after the conversation is
      // long here; with Qwen's real vocabulary the saving is larger still.
      assertThat(followUpTiming.reusedTokens()).isGreaterThan(firstTiming.promptTokens() / 2);
      assertThat(followUpTiming.evaluatedTokens())
          .isLessThan(firstTiming.evaluatedTokens() * 6 / 10);
      assertThat(followUpTiming.evaluatedTokens() + followUpTiming.reusedTokens())
          .isEqualTo(followUpTiming.promptTokens());
    }
  }

  @Test
  void repeating_a_decision_evaluates_a_single_token_and_gives_the_same_route() {
    var request = request(PromptProfile.ARCHGW_V1, Message.user("review my pull request please"));

    RouterAnswer first = engine.select(request, CancellationToken.none());
    RouterAnswer again = engine.select(request, CancellationToken.none());

    assertThat(again.routeName()).isEqualTo(first.routeName());
    assertThat(again.timing().evaluatedTokens()).isEqualTo(1);
  }

  @Test
  void a_cancelled_request_stops_before_answering() {
    var cancellation = new CancellationToken();
    cancellation.cancel();

    assertThatThrownBy(
            () -> engine.select(request(PromptProfile.ARCHGW_V1, Message.user("hi")), cancellation))
        .isInstanceOf(RoutingCancelledException.class);
  }

  @Test
  void a_batch_answers_in_request_order_and_reports_progress() {
    var requests =
        List.of(
            request(PromptProfile.ARCHGW_V1, Message.user("b: plan a trip to Rome")),
            request(PromptProfile.ARCHGW_V1, Message.user("a: debug a crash")),
            request(
                PromptProfile.ARCHGW_V1,
                Message.user("b: plan a trip to Rome"),
                Message.assistant("Sure."),
                Message.user("in May")));
    var progress = new ArrayList<Integer>();

    List<RouterAnswer> answers =
        engine.selectAll(
            requests,
            (index, answer, done, total) -> progress.add(index),
            CancellationToken.none());

    assertThat(answers).hasSize(3);
    for (int i = 0; i < requests.size(); i++) {
      assertThat(answers.get(i).rawOutput())
          .isEqualTo(engine.select(requests.get(i), CancellationToken.none()).rawOutput());
    }
    assertThat(progress).containsExactly(1, 0, 2);
  }

  @Test
  void a_superseded_live_request_never_delivers_its_result() throws Exception {
    var engineThread = Executors.newSingleThreadExecutor();
    try {
      var session = new LiveRoutingSession(engine, engineThread, Runnable::run);
      var events = new ConcurrentLinkedQueue<String>();
      var done = new CountDownLatch(2);
      String longDraft = "Please look at this stack trace and tell me what is wrong. ".repeat(40);

      session.submit(
          request(PromptProfile.ARCHGW_V1, Message.user(longDraft)),
          recorder("stale", events, done));
      session.submit(
          request(PromptProfile.ARCHGW_V1, Message.user("fix it")),
          recorder("newest", events, done));

      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(events).containsExactlyInAnyOrder("stale:superseded", "newest:decided");
    } finally {
      engineThread.shutdownNow();
    }
  }

  @Test
  void a_prompt_longer_than_the_context_names_both_token_counts() {
    try (var small =
        LlamaEngineLoader.load(
            TinyGgufModels.tinyQwen(models),
            LlamaEngineSettings.defaults().withContextSize(256),
            w -> {})) {
      assertThatThrownBy(
              () ->
                  small.select(
                      request(PromptProfile.ARCHGW_V1, Message.user("hello")),
                      CancellationToken.none()))
          .isInstanceOf(RoutingException.class)
          .hasMessageMatching(
              "The router prompt needs \\d+ tokens .* but the context holds 256\\..*");
    }
  }

  @Test
  void a_model_without_chat_template_falls_back_to_chatml_with_a_warning() {
    var fallbackWarnings = new ArrayList<String>();
    try (var plain =
        LlamaEngineLoader.load(
            TinyGgufModels.tinyQwenWithoutTemplate(models),
            LlamaEngineSettings.defaults().withContextSize(2048),
            fallbackWarnings::add)) {
      var request = request(PromptProfile.ARCHGW_V1, Message.user("hi"));

      assertThat(plain.usesChatMlFallback()).isTrue();
      assertThat(fallbackWarnings)
          .singleElement()
          .asString()
          .contains("has no chat template; using ChatML");
      assertThat(plain.fullPromptText(request))
          .startsWith("<|im_start|>user\n")
          .endsWith("<|im_start|>assistant\n");
      assertThat(previewOf(plain, request).routeName()).isIn(VALID_ANSWERS);
    }
  }

  @Test
  void the_preview_comes_first_and_the_exact_answer_reuses_its_whole_prompt() {
    var request = request(PromptProfile.ARCHGW_V1, Message.user("write me a regex for dates"));
    var previews = new ArrayList<RouterAnswer>();

    RouterAnswer exact = engine.select(request, CancellationToken.none(), previews::add);

    assertThat(previews).singleElement().satisfies(p -> assertThat(p.isPreview()).isTrue());
    assertThat(exact.isPreview()).isFalse();
    assertThat(exact.timing().evaluatedTokens()).isEqualTo(1);
    assertThat(exact.timing().reusedTokens()).isEqualTo(exact.timing().promptTokens() - 1);
    assertThat(exact.rawOutput())
        .isEqualTo(engine.select(request, CancellationToken.none()).rawOutput());
  }

  @Test
  void bad_model_files_give_clear_errors() {
    assertThatThrownBy(
            () ->
                LlamaEngineLoader.load(
                    models.resolve("missing.gguf"), LlamaEngineSettings.defaults(), w -> {}))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("Model file not found");
    assertThatThrownBy(
            () ->
                LlamaEngineLoader.load(
                    TinyGgufModels.notAGguf(models), LlamaEngineSettings.defaults(), w -> {}))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("is not a GGUF model");
    assertThatThrownBy(
            () ->
                LlamaEngineLoader.load(
                    TinyGgufModels.unsupportedArchitecture(models),
                    LlamaEngineSettings.defaults(),
                    w -> {}))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("architecture 'routebenchnet'");
    assertThatThrownBy(
            () ->
                LlamaEngineLoader.load(
                    TinyGgufModels.truncated(models), LlamaEngineSettings.defaults(), w -> {}))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void the_engine_identity_records_the_model_file_and_its_digest() {
    assertThat(engine.identity(PromptProfile.ARCHGW_V1).kind()).isEqualTo("llama.cpp");
    assertThat(engine.identity(PromptProfile.ARCHGW_V1).model()).isEqualTo("tiny-qwen2.gguf");
    assertThat(engine.identity(PromptProfile.ARCHGW_V1).modelSha256()).hasSize(64);
    assertThat(engine.identity(PromptProfile.ARCHGW_V1).settings())
        .containsEntry("gpuLayers", "auto")
        .containsEntry("threads", Integer.toString(LlamaEngineSettings.defaults().threads()));
  }

  private static RouterAnswer preview(RouteRequest request) {
    return previewOf(engine, request);
  }

  /** The constrained preview the engine gives before its exact answer. */
  private static RouterAnswer previewOf(LlamaRouteSelector selector, RouteRequest request) {
    var previews = new ArrayList<RouterAnswer>();
    selector.select(request, CancellationToken.none(), previews::add);
    assertThat(previews).hasSize(1);
    return previews.get(0);
  }

  private static RouteRequest request(PromptProfile profile, Message... conversation) {
    return new RouteRequest(ROUTES, List.of(conversation), profile);
  }

  private static DecisionListener recorder(
      String label, ConcurrentLinkedQueue<String> events, CountDownLatch done) {
    return DecisionListener.of(
        answer -> {
          events.add(label + ":decided");
          done.countDown();
        },
        () -> {
          events.add(label + ":superseded");
          done.countDown();
        },
        error -> {
          events.add(label + ":failed:" + error.getMessage());
          done.countDown();
        });
  }

  @SuppressWarnings("unused")
  private static final BatchProgressListener IGNORE = BatchProgressListener.NONE;
}
