package io.routebench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.Role;
import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.BatchRequestFailedException;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RegressionRunnerTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final String CODE = "Writing new code from a specification.";
  private static final String BUGS = "Finding and fixing defects in existing code.";

  private final MutableClock clock = new MutableClock(START);
  private final RegressionRunner runner = new RegressionRunner(clock);
  private final PolicyDocument document =
      new PolicyDocument(
          "coding",
          PromptProfile.PLANO_V1,
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
                              "code generation",
                              CODE,
                              PolicySettings.targeting("anthropic/claude")),
                          new Action(
                              "a2", "bug fixing", BUGS, PolicySettings.targeting("openai/gpt")))))),
          List.of(
              ModelTarget.of("openai/gpt", "$OPENAI_API_KEY", true),
              ModelTarget.of("anthropic/claude", "$ANTHROPIC_API_KEY", false)),
          null,
          ProxyConfigExtras.NONE);
  private final TestSuite suite =
      new TestSuite(
          "suite-1",
          "smoke",
          "",
          List.of(
              new TestCase(
                  "c1",
                  "write then thank",
                  List.of(),
                  "",
                  List.of(
                      CaseMessage.user("write a parser", "code generation"),
                      CaseMessage.assistant("here it is"),
                      CaseMessage.user("thanks", "other"))),
              new TestCase(
                  "c2",
                  "crash",
                  List.of(),
                  "",
                  List.of(
                      new CaseMessage(Role.SYSTEM, "be brief", null),
                      CaseMessage.user("it crashes", "bug fixing")))));
  private final ScriptedSelector selector =
      new ScriptedSelector(
          Map.of(
              "write a parser", "code generation",
              "thanks", "bug fixing",
              "it crashes", "debugging"));

  @Test
  void asks_one_batch_with_a_request_per_user_turn() {
    runner.run(selector, document, suite, BatchProgressListener.NONE, CancellationToken.none());

    // In RouteOrder: grouped by target, and openai/gpt is the first target. Each route carries
    // its models and the request the default target, for a proxy that decides itself (plano).
    var routes =
        List.of(
            new RouteOption("bug fixing", BUGS, List.of("openai/gpt"), SelectionPreference.NONE),
            new RouteOption(
                "code generation", CODE, List.of("anthropic/claude"), SelectionPreference.NONE));
    assertThat(selector.batches).hasSize(1);
    assertThat(selector.batches.get(0))
        .containsExactly(
            new RouteRequest(
                routes,
                List.of(Message.user("write a parser")),
                PromptProfile.PLANO_V1,
                0,
                "openai/gpt"),
            new RouteRequest(
                routes,
                List.of(
                    Message.user("write a parser"),
                    Message.assistant("here it is"),
                    Message.user("thanks")),
                PromptProfile.PLANO_V1,
                0,
                "openai/gpt"),
            new RouteRequest(
                routes,
                List.of(new Message(Role.SYSTEM, "be brief"), Message.user("it crashes")),
                PromptProfile.PLANO_V1,
                0,
                "openai/gpt"));
  }

  @Test
  void a_completed_run_records_every_turn_resolved_like_the_proxy_in_suite_order() {
    clock.advanceOnEachBatch(selector, Duration.ofMillis(1234));

    RegressionRun run =
        runner.run(selector, document, suite, BatchProgressListener.NONE, CancellationToken.none());

    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.failureMessage()).isEmpty();
    assertThat(UUID.fromString(run.id())).isNotNull();
    assertThat(run.suiteId()).isEqualTo("suite-1");
    assertThat(run.suiteName()).isEqualTo("smoke");
    assertThat(run.startedAt()).isEqualTo(START);
    assertThat(run.durationMillis()).isEqualTo(1234);
    assertThat(run.engine().kind()).isEqualTo("scripted");
    assertThat(run.engine().profile()).isEqualTo(PromptProfile.PLANO_V1);
    assertThat(run.results())
        .containsExactly(
            new TurnResult(
                "c1",
                "write then thank",
                0,
                0,
                "code generation",
                "code generation",
                DecisionOutcome.MATCHED,
                "{\"route\": [\"code generation\"]}",
                10,
                100,
                0,
                List.of("code generation")),
            new TurnResult(
                "c1",
                "write then thank",
                1,
                2,
                "other",
                "bug fixing",
                DecisionOutcome.MATCHED,
                "{\"route\": [\"bug fixing\"]}",
                11,
                101,
                1,
                List.of("bug fixing")),
            new TurnResult(
                "c2",
                "crash",
                0,
                1,
                "bug fixing",
                "other",
                DecisionOutcome.UNKNOWN,
                "{\"route\": [\"debugging\"]}",
                12,
                102,
                2,
                List.of("debugging")));
  }

  @Test
  void progress_is_forwarded_as_the_engine_reports_it() {
    var heard = new ArrayList<String>();

    runner.run(
        selector,
        document,
        suite,
        (index, answer, done, total) ->
            heard.add(index + ":" + answer.routeName() + " " + done + "/" + total),
        CancellationToken.none());

    assertThat(heard)
        .containsExactly("2:debugging 1/3", "1:bug fixing 2/3", "0:code generation 3/3");
  }

  @Test
  void a_cancelled_run_keeps_the_turns_answered_so_far() {
    var cancellation = new CancellationToken();
    selector.afterAnswers(2, cancellation::cancel);

    RegressionRun run =
        runner.run(selector, document, suite, BatchProgressListener.NONE, cancellation);

    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.failureMessage()).isEmpty();
    // The engine answered the last two requests first; results stay in suite order.
    assertThat(run.results())
        .extracting(TurnResult::caseId, TurnResult::turnIndex)
        .containsExactly(tuple("c1", 1), tuple("c2", 0));
  }

  @Test
  void an_engine_failure_gives_a_failed_run_with_the_reason_and_the_answers_so_far() {
    selector.afterAnswers(
        1,
        () -> {
          throw new RoutingException("llama.cpp failed to answer: out of memory");
        });

    RegressionRun run =
        runner.run(selector, document, suite, BatchProgressListener.NONE, CancellationToken.none());

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failureMessage()).isEqualTo("llama.cpp failed to answer: out of memory");
    assertThat(run.results()).extracting(TurnResult::caseId).containsExactly("c2");
  }

  @Test
  void a_failed_request_of_the_batch_is_named_by_its_case_and_user_turn() {
    selector.afterAnswers(
        1,
        () -> {
          throw new BatchRequestFailedException(
              1, 3, "http://gpu-1:8000/v1/chat/completions answered HTTP 400: bad request", null);
        });

    RegressionRun run =
        runner.run(selector, document, suite, BatchProgressListener.NONE, CancellationToken.none());

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failureMessage())
        .isEqualTo(
            "case \"write then thank\", user turn 2: "
                + "http://gpu-1:8000/v1/chat/completions answered HTTP 400: bad request");
    assertThat(run.results()).extracting(TurnResult::caseId).containsExactly("c2");
  }

  @Test
  void an_unexpected_engine_error_is_recorded_as_a_failure_too() {
    selector.afterAnswers(
        0,
        () -> {
          throw new IllegalStateException("context closed");
        });

    RegressionRun run =
        runner.run(selector, document, suite, BatchProgressListener.NONE, CancellationToken.none());

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failureMessage()).isEqualTo("unexpected IllegalStateException: context closed");
    assertThat(run.results()).isEmpty();
  }

  @Test
  void a_suite_without_user_turns_completes_without_asking_the_engine() {
    var empty = new TestSuite("suite-2", "empty", "", List.of());

    RegressionRun run =
        runner.run(selector, document, empty, BatchProgressListener.NONE, CancellationToken.none());

    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.results()).isEmpty();
    assertThat(selector.batches).isEmpty();
  }

  /**
   * Answers from a script keyed by the last message, working backwards through the batch like an
   * engine that reorders for its cache. Timing fields encode the request index so tests can check
   * them.
   */
  @Test
  void every_answer_reaches_the_recorder_as_it_arrives_with_its_suite_ordinal() {
    var recorder = new ListRecorder();

    RegressionRun run =
        runner.run(
            selector,
            document,
            suite,
            BatchProgressListener.NONE,
            CancellationToken.none(),
            recorder);

    assertThat(recorder.started)
        .extracting(RegressionRun::status)
        .containsExactly(RunStatus.RUNNING);
    assertThat(recorder.started.get(0).policies()).isEqualTo(document);
    // The scripted engine answers the last request first: ordinals follow the suite, not time.
    assertThat(recorder.answered).containsExactly(2, 1, 0);
    assertThat(recorder.finished).containsExactly(run);
    assertThat(run.policies()).isEqualTo(document);
  }

  @Test
  void a_resumed_run_asks_only_the_missing_turns_and_ends_like_an_uninterrupted_one() {
    RegressionRun uninterrupted =
        runner.run(selector, document, suite, BatchProgressListener.NONE, CancellationToken.none());
    var cancellation = new CancellationToken();
    selector.afterAnswers(1, cancellation::cancel);
    RegressionRun cancelled =
        runner.run(selector, document, suite, BatchProgressListener.NONE, cancellation);
    assertThat(cancelled.results()).hasSize(1);
    selector.afterAnswers(Integer.MAX_VALUE, () -> {});
    selector.batches.clear();
    var recorder = new ListRecorder();

    RegressionRun resumed =
        runner.resume(
            selector,
            document,
            suite,
            cancelled,
            BatchProgressListener.NONE,
            CancellationToken.none(),
            recorder);

    assertThat(selector.batches).hasSize(1);
    assertThat(selector.batches.get(0)).hasSize(2);
    assertThat(resumed.id()).isEqualTo(cancelled.id());
    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(resumed.results()).isEqualTo(uninterrupted.results());
    assertThat(MetricsCalculator.compute(resumed))
        .isEqualTo(MetricsCalculator.compute(uninterrupted));
    assertThat(recorder.startedWith).containsExactly(List.of(2));
  }

  @Test
  void resuming_with_other_policies_or_another_engine_or_a_finished_run_is_refused() {
    var cancellation = new CancellationToken();
    selector.afterAnswers(1, cancellation::cancel);
    RegressionRun cancelled =
        runner.run(selector, document, suite, BatchProgressListener.NONE, cancellation);
    Domain coding = document.taxonomy().domains().get(0);
    PolicyDocument renamed =
        document.withTaxonomy(
            new Taxonomy(
                List.of(
                    coding.withActions(
                        List.of(
                            coding.actions().get(0).withDescription("Writing code."),
                            coding.actions().get(1))))));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                runner.resume(
                    selector,
                    renamed,
                    suite,
                    cancelled,
                    BatchProgressListener.NONE,
                    CancellationToken.none(),
                    RunRecorder.NONE))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("other policies");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                runner.resume(
                    selector,
                    document.withProfile(PromptProfile.ARCHGW_V1),
                    suite,
                    cancelled,
                    BatchProgressListener.NONE,
                    CancellationToken.none(),
                    RunRecorder.NONE))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("prompt profile plano-v1");
    RegressionRun completed =
        runner.run(selector, document, suite, BatchProgressListener.NONE, CancellationToken.none());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                runner.resume(
                    selector,
                    document,
                    suite,
                    completed,
                    BatchProgressListener.NONE,
                    CancellationToken.none(),
                    RunRecorder.NONE))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("it is completed");
  }

  @Test
  void resuming_under_another_prompt_wrapping_is_refused_naming_both() {
    selector.identity =
        selector.identity.withWrapping(PromptWrapping.of(ServingEngine.OLLAMA).recorded());
    var cancellation = new CancellationToken();
    selector.afterAnswers(1, cancellation::cancel);
    RegressionRun cancelled =
        runner.run(selector, document, suite, BatchProgressListener.NONE, cancellation);
    selector.afterAnswers(Integer.MAX_VALUE, () -> {});
    selector.identity =
        selector.identity.withWrapping(PromptWrapping.of(ServingEngine.VLLM).recorded());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                runner.resume(
                    selector,
                    document,
                    suite,
                    cancelled,
                    BatchProgressListener.NONE,
                    CancellationToken.none(),
                    RunRecorder.NONE))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("wrapped as ollama wraps it")
        .hasMessageContaining("now reads it as vllm wraps it")
        .hasMessageContaining("set the serving engine back to ollama");
  }

  @Test
  void a_llama_cpp_run_from_before_wrappings_were_recorded_resumes_under_llama_server() {
    selector.identity =
        new EngineIdentity(
            "llama.cpp", "arch.gguf", "abc", PromptProfile.ARCHGW_V1, Map.of("threads", "4"));
    var cancellation = new CancellationToken();
    selector.afterAnswers(1, cancellation::cancel);
    RegressionRun cancelled =
        runner.run(selector, document, suite, BatchProgressListener.NONE, cancellation);
    selector.afterAnswers(Integer.MAX_VALUE, () -> {});

    selector.identity =
        selector.identity.withWrapping(PromptWrapping.of(ServingEngine.LLAMA_SERVER).recorded());
    RegressionRun resumed =
        runner.resume(
            selector,
            document,
            suite,
            cancelled,
            BatchProgressListener.NONE,
            CancellationToken.none(),
            RunRecorder.NONE);
    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);

    selector.identity =
        selector.identity.withWrapping(PromptWrapping.of(ServingEngine.OLLAMA).recorded());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                runner.resume(
                    selector,
                    document,
                    suite,
                    cancelled,
                    BatchProgressListener.NONE,
                    CancellationToken.none(),
                    RunRecorder.NONE))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("wrapped as llama-server wraps it");
  }

  /** Keeps what a run reports, in order. */
  private static final class ListRecorder implements RunRecorder {
    final List<RegressionRun> started = new ArrayList<>();
    final List<List<Integer>> startedWith = new ArrayList<>();
    final List<Integer> answered = new ArrayList<>();
    final List<RegressionRun> finished = new ArrayList<>();

    @Override
    public void started(RegressionRun header, java.util.SortedMap<Integer, TurnResult> results) {
      started.add(header);
      startedWith.add(List.copyOf(results.keySet()));
    }

    @Override
    public synchronized void answered(String runId, int ordinal, TurnResult result) {
      answered.add(ordinal);
    }

    @Override
    public void finished(RegressionRun run) {
      finished.add(run);
    }
  }

  private static final class ScriptedSelector implements RouteSelector {
    private final Map<String, String> routeByLastMessage;
    final List<List<RouteRequest>> batches = new ArrayList<>();
    private final List<Consumer<ScriptedSelector>> onBatch = new ArrayList<>();
    private int interruptAfter = Integer.MAX_VALUE;
    private Runnable interruption = () -> {};

    ScriptedSelector(Map<String, String> routeByLastMessage) {
      this.routeByLastMessage = routeByLastMessage;
    }

    void afterAnswers(int count, Runnable action) {
      interruptAfter = count;
      interruption = action;
    }

    EngineIdentity identity =
        new EngineIdentity("scripted", "script", "", PromptProfile.ARCHGW_V1, Map.of());

    @Override
    public EngineIdentity identity(PromptProfile profile) {
      return new EngineIdentity(
          identity.kind(), identity.model(), identity.modelSha256(), profile, identity.settings());
    }

    @Override
    public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
      throw new UnsupportedOperationException("the runner asks in one batch");
    }

    @Override
    public List<RouterAnswer> selectAll(
        List<RouteRequest> requests,
        BatchProgressListener progress,
        CancellationToken cancellation) {
      batches.add(requests);
      onBatch.forEach(action -> action.accept(this));
      var answers = new RouterAnswer[requests.size()];
      int done = 0;
      for (int i = requests.size() - 1; i >= 0; i--) {
        if (done == interruptAfter) {
          interruption.run();
        }
        cancellation.throwIfCancelled();
        answers[i] = answer(requests.get(i), i);
        progress.completed(i, answers[i], ++done, requests.size());
      }
      return List.of(answers);
    }

    private RouterAnswer answer(RouteRequest request, int index) {
      List<Message> conversation = request.conversation();
      String route = routeByLastMessage.get(conversation.get(conversation.size() - 1).content());
      return new RouterAnswer(
          "{\"route\": [\"" + route + "\"]}",
          AnswerReading.route(route),
          request.profile(),
          new DecisionTiming(100 + index, index, 100, 5, 6, 4, 10 + index),
          AnswerExactness.EXACT);
    }

    @Override
    public void close() {}
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advanceOnEachBatch(ScriptedSelector selector, Duration step) {
      selector.onBatch.add(s -> now = now.plus(step));
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
