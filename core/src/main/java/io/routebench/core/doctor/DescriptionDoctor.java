package io.routebench.core.doctor;

import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RegressionRunner;
import io.routebench.core.run.RouterView;
import io.routebench.core.run.RunComparison;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The description doctor: from a run's failures to description edits, each verified with the real
 * router before anyone sees it. It groups the failed turns by confusion, takes candidate edits (by
 * rule, see {@link CandidateGenerator}, or from a language model, see {@link LlmRewrites}), and
 * decides every turn of a verification sample again under each edit, with the same router, profile
 * and route order as the run. What it reports about a candidate is read off those decisions.
 *
 * <p>Verification is the expensive part: one decision per sampled turn per candidate. {@link #plan}
 * says how many before anything is asked, and caps them at the user's budget.
 */
public final class DescriptionDoctor {

  /**
   * @param sampleTurns user turns to verify each candidate on (the failed turns' cases always, a
   *     stratified sample of the rest); 0 for the whole suite
   * @param budget the most decisions to spend; 0 for no cap
   * @param seed draws the sample
   */
  public record Settings(int sampleTurns, int budget, long seed) {

    public static final Settings WHOLE_SUITE = new Settings(0, 0, 1);

    public Settings {
      if (sampleTurns < 0 || budget < 0) {
        throw new IllegalArgumentException("sample and budget are 0 (none) or more");
      }
    }
  }

  /** Hears how verification goes; called on the thread that verifies. */
  public interface Listener {

    /** After each decision: how many were made, of how many planned. */
    void progress(int decisions, int planned);

    /** A candidate's verification is complete. */
    default void verified(VerifiedCandidate candidate) {}
  }

  /**
   * What verification will cost, before it starts.
   *
   * @param candidates every candidate, in the order they will be verified
   * @param sample the cases each candidate is verified on
   * @param turnsPerCandidate decisions per candidate
   * @param withinBudget how many of {@code candidates} the budget allows
   */
  public record Plan(
      List<Candidate> candidates, TestSuite sample, int turnsPerCandidate, int withinBudget) {

    public Plan {
      candidates = List.copyOf(candidates);
    }

    /** The decisions verification will make. */
    public int decisions() {
      return withinBudget * turnsPerCandidate;
    }

    public List<Candidate> toVerify() {
      return candidates.subList(0, withinBudget);
    }

    /** Candidates the budget leaves unverified (never shown as improvements). */
    public int overBudget() {
      return candidates.size() - withinBudget;
    }
  }

  /**
   * What verification found.
   *
   * @param ranked every verified candidate, best first ({@link VerifiedCandidate#BEST_FIRST})
   * @param decisions decisions made
   * @param unverified candidates not verified (over the budget, or after a cancel or a failure)
   * @param failure why verification stopped early, or {@code ""}
   */
  public record Report(
      List<VerifiedCandidate> ranked,
      int decisions,
      int unverified,
      boolean cancelled,
      String failure) {

    public Report {
      ranked = List.copyOf(ranked);
    }

    /** The candidates that fix more turns than they break, best first. */
    public List<VerifiedCandidate> improvements() {
      return ranked.stream().filter(VerifiedCandidate::improves).toList();
    }

    /** e.g. "Verified 7 candidate(s) with 42 router decision(s): 2 improve the suite." */
    public String summary() {
      int improving = improvements().size();
      return (cancelled ? "Cancelled after verifying " : "Verified ")
          + ranked.size()
          + " candidate(s) with "
          + decisions
          + " router decision(s): "
          + (improving == 0
              ? "none fixes more turns than it breaks"
              : improving == 1 ? "1 improves the suite" : improving + " improve the suite")
          + ".";
    }
  }

  private final RegressionRun run;
  private final PolicyDocument document;
  private final TestSuite suite;

  /** Whether the suite is the collision probes, made anew from each edited document. */
  private final boolean probes;

  private DescriptionDoctor(
      RegressionRun run, PolicyDocument document, TestSuite suite, boolean probes) {
    this.run = run;
    this.document = document;
    this.suite = suite;
    this.probes = probes;
  }

  /**
   * For a finished run of {@code suite} made with the workspace's current policies.
   *
   * @throws DoctorRefusedException when the run is unfinished, or was made with other policies or
   *     another version of the suite: its decisions would not compare with the doctor's
   */
  public static DescriptionDoctor forRun(
      RegressionRun run, PolicyDocument document, TestSuite suite) {
    requireComparable(run, document, suite);
    return new DescriptionDoctor(run, document, suite, false);
  }

  /**
   * For the collision check: {@code probes} is a run of {@link CollisionProbes#suite} for {@code
   * document}. Each candidate is verified on the probes of the policies as edited.
   */
  public static DescriptionDoctor forCollisions(RegressionRun probes, PolicyDocument document) {
    TestSuite suite = CollisionProbes.suite(document);
    requireComparable(probes, document, suite);
    return new DescriptionDoctor(probes, document, suite, true);
  }

  /** The run's failed turns, grouped by confusion, the largest first. */
  public List<Confusion> confusions() {
    return Confusions.of(run.results());
  }

  /** The rules' candidates for every confusion. */
  public List<Candidate> ruleCandidates() {
    return new CandidateGenerator(document, suite, run.results()).candidates(confusions());
  }

  /** The LLM proposer's prompts and answers for this run. */
  public LlmRewrites llmRewrites() {
    return new LlmRewrites(document, suite, run.results());
  }

  /** What verifying {@code candidates} will cost under {@code settings}. */
  public Plan plan(List<Candidate> candidates, Settings settings) {
    Set<String> failedCases =
        run.results().stream()
            .filter(turn -> !turn.passed())
            .map(TurnResult::caseId)
            .collect(Collectors.toSet());
    TestSuite sample =
        probes
            ? suite
            : SuiteSample.of(suite, failedCases, settings.sampleTurns(), settings.seed());
    int perCandidate = SuiteSample.turnsOf(sample.cases());
    int within =
        settings.budget() == 0 || perCandidate == 0
            ? candidates.size()
            : Math.min(candidates.size(), settings.budget() / perCandidate);
    return new Plan(candidates, sample, perCandidate, within);
  }

  /**
   * Verifies the plan's candidates within its budget, one after another; blocks, so call it where
   * the router may be asked (the engine's thread or a worker). A cancel or a router failure stops
   * it, and the report keeps the candidates verified until then.
   *
   * @throws DoctorRefusedException when {@code selector} is not the router the run was made with
   */
  public Report verify(
      Plan plan, RouteSelector selector, Listener listener, CancellationToken cancellation) {
    requireSameRouter(selector);
    var runner = new RegressionRunner();
    var verified = new ArrayList<VerifiedCandidate>();
    int decisions = 0;
    boolean cancelled = false;
    String failure = "";
    int suiteTurns = SuiteSample.turnsOf(suite.cases());
    for (Candidate candidate : plan.toVerify()) {
      if (cancellation.isCancelled()) {
        cancelled = true;
        break;
      }
      PolicyDocument edited = candidate.applyTo(document);
      TestSuite cases = probes ? CollisionProbes.suite(edited) : plan.sample();
      int before = decisions;
      RegressionRun decided =
          runner.run(
              selector,
              edited,
              cases,
              (index, answer, done, total) -> listener.progress(before + done, plan.decisions()),
              cancellation);
      decisions += decided.results().size();
      if (decided.status() == RunStatus.CANCELLED) {
        cancelled = true;
        break;
      }
      if (decided.status() != RunStatus.COMPLETED) {
        failure = decided.failureMessage();
        break;
      }
      var outcome =
          new VerifiedCandidate(
              candidate, decided, RunComparison.compare(baselineOn(decided), decided), suiteTurns);
      verified.add(outcome);
      listener.verified(outcome);
    }
    verified.sort(VerifiedCandidate.BEST_FIRST);
    return new Report(
        verified, decisions, plan.candidates().size() - verified.size(), cancelled, failure);
  }

  /** The run restricted to the cases {@code decided} asked, so both cover the same turns. */
  private RegressionRun baselineOn(RegressionRun decided) {
    Set<String> asked =
        decided.results().stream().map(TurnResult::caseId).collect(Collectors.toSet());
    return run.withResults(
        run.results().stream().filter(turn -> asked.contains(turn.caseId())).toList());
  }

  private void requireSameRouter(RouteSelector selector) {
    EngineIdentity now = selector.identity(document.profile());
    EngineIdentity then = run.engine();
    if (!then.kind().equals(now.kind())
        || !then.model().equals(now.model())
        || !then.modelSha256().equals(now.modelSha256())
        || !then.settings().equals(now.settings())) {
      throw new DoctorRefusedException(
          "run "
              + run.id()
              + " was made with "
              + then.kind()
              + " "
              + then.model()
              + "; the doctor would verify with "
              + now.kind()
              + " "
              + now.model()
              + (then.settings().equals(now.settings()) ? "" : " (other settings)")
              + ", whose decisions do not compare. Run the suite with this router first.");
    }
  }

  private static void requireComparable(
      RegressionRun run, PolicyDocument document, TestSuite suite) {
    Objects.requireNonNull(run, "run");
    String name = "run " + run.id();
    if (run.status() != RunStatus.COMPLETED) {
      throw new DoctorRefusedException(
          name + " is " + run.status().name().toLowerCase() + "; finish it (resume) first");
    }
    if (run.policies() == null || !RouterView.of(run.policies()).equals(RouterView.of(document))) {
      throw new DoctorRefusedException(
          name
              + " was made with other policies than the workspace's now (descriptions, routes,"
              + " their order or the profile changed): run the suite again first");
    }
    Map<List<Object>, String> expected = new HashMap<>();
    for (TestCase testCase : suite.cases()) {
      List<Integer> turns = testCase.userTurnIndexes();
      for (int turn = 0; turn < turns.size(); turn++) {
        String route = testCase.messages().get(turns.get(turn)).expectedRoute();
        expected.put(List.of(testCase.id(), turn), route == null ? "" : route);
      }
    }
    boolean sameTurns = expected.size() == run.results().size();
    for (TurnResult turn : run.results()) {
      sameTurns &= turn.expected().equals(expected.get(List.of(turn.caseId(), turn.turnIndex())));
    }
    if (!sameTurns) {
      throw new DoctorRefusedException(
          name + " does not match suite '" + suite.name() + "' as it is now: run the suite again");
    }
  }
}
