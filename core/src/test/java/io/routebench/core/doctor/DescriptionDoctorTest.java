package io.routebench.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.TurnChange;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The doctor on a suite with a known confusion: two "debugging" turns that mention exceptions and a
 * traceback go to "code generation", whose description names both. The router is one whose answers
 * follow the descriptions' words, so an edit can be seen to matter.
 */
class DescriptionDoctorTest {

  private static final String GENERATION = DoctorFixtures.GENERATION;
  private static final String DEBUGGING = DoctorFixtures.DEBUGGING;

  private final WordOverlapRouter router = new WordOverlapRouter();
  private final PolicyDocument document = DoctorFixtures.document(GENERATION, DEBUGGING);
  private final TestSuite suite = DoctorFixtures.suite();

  @Test
  void the_failed_turns_are_grouped_by_confusion() {
    RegressionRun run = run(document, suite);

    List<Confusion> confusions = DescriptionDoctor.forRun(run, document, suite).confusions();

    assertThat(confusions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.label()).isEqualTo("debugging → code generation (2 turns)");
              assertThat(c.turns()).extracting(TurnResult::caseId).containsExactly("c1", "c2");
            });
  }

  @Test
  void an_edit_that_fixes_the_confusion_is_found_verified_and_ranked_first() {
    RegressionRun run = run(document, suite);
    var doctor = DescriptionDoctor.forRun(run, document, suite);
    List<Candidate> candidates = new ArrayList<>(doctor.ruleCandidates());
    Candidate breaksOne = fixesBothButBreaksC5(doctor.confusions().get(0));
    candidates.add(0, breaksOne);
    int askedBefore = router.asked.get();
    var progress = new ArrayList<Integer>();

    var plan = doctor.plan(candidates, DescriptionDoctor.Settings.WHOLE_SUITE);
    var report =
        doctor.verify(plan, router, (done, planned) -> progress.add(done), new CancellationToken());

    assertThat(plan.decisions()).isEqualTo(candidates.size() * 6);
    assertThat(report.decisions()).isEqualTo(plan.decisions());
    assertThat(router.asked.get() - askedBefore).isEqualTo(report.decisions());
    assertThat(progress).hasSize(report.decisions()).endsWith(report.decisions());

    VerifiedCandidate best = report.ranked().get(0);
    assertThat(best.candidate().kind()).isEqualTo(CandidateKind.ADD_TERMS);
    assertThat(best.candidate().edits())
        .singleElement()
        .satisfies(
            edit -> {
              assertThat(edit.routeName()).isEqualTo("debugging");
              assertThat(edit.after())
                  .isEqualTo(
                      DEBUGGING
                          + " Also covers requests about throws, traceback, script and upgrade.");
            });
    assertThat(best.fixed()).extracting(TurnChange::caseId).containsExactly("c1", "c2");
    assertThat(best.breaksNothing()).isTrue();
    assertThat(best.sampled()).isFalse();
    assertThat(best.deltas().of(io.routebench.core.run.Metric.TURN)).isCloseTo(2.0 / 6, within());
    // What it reports is what the router decided under the edit, turn by turn.
    assertThat(best.decisions().results())
        .extracting(TurnResult::caseId, TurnResult::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c1", "debugging"),
            org.assertj.core.groups.Tuple.tuple("c2", "debugging"),
            org.assertj.core.groups.Tuple.tuple("c3", "debugging"),
            org.assertj.core.groups.Tuple.tuple("c4", "code generation"),
            org.assertj.core.groups.Tuple.tuple("c5", "code generation"),
            org.assertj.core.groups.Tuple.tuple("c6", "email drafting"));

    VerifiedCandidate breaking =
        report.ranked().stream().filter(v -> v.candidate() == breaksOne).findFirst().orElseThrow();
    assertThat(breaking.fixed()).hasSameSizeAs(best.fixed());
    assertThat(breaking.broken()).extracting(TurnChange::caseId).containsExactly("c5");
    assertThat(report.ranked().indexOf(breaking)).isGreaterThan(report.ranked().indexOf(best));
    assertThat(report.improvements()).contains(best, breaking);
    assertThat(report.ranked())
        .filteredOn(v -> v.candidate().kind() == CandidateKind.DROP_SHARED_WORDS)
        .allSatisfy(v -> assertThat(v.improves()).isFalse());
  }

  @Test
  void a_budget_caps_the_decisions_and_says_how_many_candidates_it_leaves() {
    RegressionRun run = run(document, suite);
    var doctor = DescriptionDoctor.forRun(run, document, suite);
    List<Candidate> candidates = doctor.ruleCandidates();

    var plan = doctor.plan(candidates, new DescriptionDoctor.Settings(0, 13, 1));

    assertThat(plan.turnsPerCandidate()).isEqualTo(6);
    assertThat(plan.withinBudget()).isEqualTo(2);
    assertThat(plan.decisions()).isEqualTo(12);
    assertThat(plan.overBudget()).isEqualTo(candidates.size() - 2);
    var report = doctor.verify(plan, router, (d, p) -> {}, new CancellationToken());
    assertThat(report.ranked()).hasSize(2);
    assertThat(report.unverified()).isEqualTo(candidates.size() - 2);
  }

  @Test
  void a_sample_keeps_the_failed_cases_and_says_it_is_a_sample() {
    RegressionRun run = run(document, suite);
    var doctor = DescriptionDoctor.forRun(run, document, suite);

    var plan = doctor.plan(doctor.ruleCandidates(), new DescriptionDoctor.Settings(4, 0, 7));

    assertThat(plan.sample().cases()).extracting(TestCase::id).contains("c1", "c2").hasSize(4);
    var report = doctor.verify(plan, router, (d, p) -> {}, new CancellationToken());
    assertThat(report.ranked())
        .allSatisfy(
            v -> {
              assertThat(v.sampled()).isTrue();
              assertThat(v.verifiedTurns()).isEqualTo(4);
              assertThat(v.suiteTurns()).isEqualTo(6);
            });
  }

  @Test
  void a_cancel_keeps_the_candidates_verified_until_then() {
    RegressionRun run = run(document, suite);
    var doctor = DescriptionDoctor.forRun(run, document, suite);
    var cancellation = new CancellationToken();
    router.cancelAfterAnswers = cancellation;
    router.cancelAfter = router.asked.get() + 6 + 3;

    var report =
        doctor.verify(
            doctor.plan(doctor.ruleCandidates(), DescriptionDoctor.Settings.WHOLE_SUITE),
            router,
            (d, p) -> {},
            cancellation);

    assertThat(report.cancelled()).isTrue();
    assertThat(report.ranked()).hasSize(1);
  }

  @Test
  void a_run_made_with_other_policies_or_another_router_is_refused() {
    RegressionRun run = run(document, suite);
    PolicyDocument edited = PolicyDescriptions.with(document, "debugging", "Fixing bugs.");

    assertThatThrownBy(() -> DescriptionDoctor.forRun(run, edited, suite))
        .isInstanceOf(DoctorRefusedException.class)
        .hasMessageContaining("other policies");

    var doctor = DescriptionDoctor.forRun(run, document, suite);
    var other =
        new WordOverlapRouter() {
          @Override
          public io.routebench.core.routing.EngineIdentity identity(PromptProfile profile) {
            return new io.routebench.core.routing.EngineIdentity(
                "llama.cpp", "arch-router.gguf", "abc", profile, java.util.Map.of());
          }
        };
    assertThatThrownBy(
            () ->
                doctor.verify(
                    doctor.plan(doctor.ruleCandidates(), DescriptionDoctor.Settings.WHOLE_SUITE),
                    other,
                    (d, p) -> {},
                    new CancellationToken()))
        .isInstanceOf(DoctorRefusedException.class)
        .hasMessageContaining("was made with scripted word-overlap")
        .hasMessageContaining("Run the suite with this router first");
  }

  @Test
  void a_description_that_lands_elsewhere_in_the_collision_check_gets_verified_candidates() {
    // "debugging" says nothing "code generation" does not say too, and is listed after it.
    PolicyDocument colliding =
        DoctorFixtures.document(
            "Writing code that handles errors and exceptions.", "Errors and exceptions.");
    RegressionRun probes = run(colliding, CollisionProbes.suite(colliding));
    var doctor = DescriptionDoctor.forCollisions(probes, colliding);

    assertThat(doctor.confusions())
        .singleElement()
        .satisfies(c -> assertThat(c.label()).isEqualTo("debugging → code generation (1 turn)"));
    var report =
        doctor.verify(
            doctor.plan(doctor.ruleCandidates(), DescriptionDoctor.Settings.WHOLE_SUITE),
            router,
            (d, p) -> {},
            new CancellationToken());

    VerifiedCandidate best = report.ranked().get(0);
    assertThat(best.candidate().kind()).isEqualTo(CandidateKind.DROP_SHARED_WORDS);
    assertThat(best.candidate().edits().get(0).after()).isEqualTo("Writing code that handles.");
    assertThat(best.fixed()).extracting(TurnChange::caseId).containsExactly("probe:debugging");
    assertThat(best.breaksNothing()).isTrue();
  }

  @Test
  void an_llm_rewrite_is_read_from_the_answer_and_its_prompt_shows_the_turns() {
    RegressionRun run = run(document, suite);
    var doctor = DescriptionDoctor.forRun(run, document, suite);
    Confusion confusion = doctor.confusions().get(0);
    LlmRewrites llm = doctor.llmRewrites();

    String prompt = LlmRewrites.shown(llm.prompt(confusion));

    assertThat(prompt)
        .startsWith("[system]\nYou improve the route descriptions")
        .contains("Route \"debugging\" (where these requests belong): " + DEBUGGING)
        .contains("Route \"code generation\" (where the router sent them): " + GENERATION)
        .contains("- my script throws exceptions with a traceback")
        .contains("Requests correctly routed to \"debugging\":\n- fixing bugs in my programs");
    var proposal =
        llm.read(
            confusion,
            "Sure:\n```json\n{\"descriptions\": {\"debugging\": \"Fixing bugs, exceptions and"
                + " tracebacks.\", \"nonexistent\": \"x\"}}\n```");
    assertThat(proposal.candidate())
        .hasValueSatisfying(
            c -> {
              assertThat(c.kind()).isEqualTo(CandidateKind.LLM_REWRITE);
              assertThat(c.edits())
                  .containsExactly(
                      new DescriptionEdit(
                          "debugging", DEBUGGING, "Fixing bugs, exceptions and tracebacks."));
            });
    assertThat(llm.read(confusion, "I cannot help").why())
        .isEqualTo("the answer holds no JSON object");
  }

  private Candidate fixesBothButBreaksC5(Confusion confusion) {
    String after =
        "Fixing bugs and errors in programs; exceptions, traceback, throws, script, scripts,"
            + " handles, writing, cleanly.";
    return new Candidate(
        CandidateKind.LLM_REWRITE,
        "Widen debugging too far",
        confusion,
        List.of(new DescriptionEdit("debugging", DEBUGGING, after)));
  }

  private RegressionRun run(PolicyDocument policies, TestSuite cases) {
    return new RegressionRunner()
        .run(router, policies, cases, BatchProgressListener.NONE, new CancellationToken());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
