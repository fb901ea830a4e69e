package io.routebench.core.run;

import io.routebench.core.conversation.Conversation;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.BatchRequestFailedException;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.RecordedWrapping;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.routing.RoutingCancelledException;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Runs a test suite against a routing engine: one routing request per user turn, asked in a single
 * batch so engines can order the work for prompt-cache reuse, each answer resolved the way the
 * proxy would resolve it.
 *
 * <p>A run is never lost to a stop, an engine failure or a crash: each answer goes to the {@link
 * RunRecorder} as it arrives, a cancelled run keeps the turns answered until then (status {@link
 * RunStatus#CANCELLED}), a failed one keeps them too, with the reason (status {@link
 * RunStatus#FAILED}), and {@link #resume} completes any of them by asking only the turns that have
 * no answer yet.
 */
public final class RegressionRunner {

  private final Clock clock;

  public RegressionRunner(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public RegressionRunner() {
    this(Clock.systemUTC());
  }

  /** Runs every user turn of {@code suite}, keeping nothing but the returned run. */
  public RegressionRun run(
      RouteSelector selector,
      PolicyDocument document,
      TestSuite suite,
      BatchProgressListener progress,
      CancellationToken cancellation) {
    return run(selector, document, suite, progress, cancellation, RunRecorder.NONE);
  }

  /**
   * Runs every user turn of {@code suite} through {@code selector}. Blocks until done; call it on
   * the engine's thread.
   *
   * @param progress hears each answer as it arrives (with its index among the suite's user turns)
   * @param recorder keeps the run as it is made
   */
  public RegressionRun run(
      RouteSelector selector,
      PolicyDocument document,
      TestSuite suite,
      BatchProgressListener progress,
      CancellationToken cancellation,
      RunRecorder recorder) {
    var header =
        new RegressionRun(
            UUID.randomUUID().toString(),
            suite.id(),
            suite.name(),
            identityOf(selector, document),
            clock.instant(),
            0,
            RunStatus.RUNNING,
            "",
            List.of(),
            document);
    return execute(
        selector, header, plan(document, suite), Map.of(), progress, cancellation, recorder);
  }

  /**
   * Completes {@code previous}: asks only the user turns it has no answer for, with the same engine
   * and policies, and returns the whole run under its own id.
   *
   * @param progress hears each new answer (indexes and totals count only the turns asked now)
   * @throws ResumeRefusedException when the run cannot be completed as it was made: it is not
   *     resumable, another suite, another engine or profile, other policies, or a changed suite
   */
  public RegressionRun resume(
      RouteSelector selector,
      PolicyDocument document,
      TestSuite suite,
      RegressionRun previous,
      BatchProgressListener progress,
      CancellationToken cancellation,
      RunRecorder recorder) {
    requireResumable(selector, document, suite, previous);
    List<PlannedTurn> turns = plan(document, suite);
    Map<TurnKey, Integer> ordinals = new HashMap<>();
    for (int ordinal = 0; ordinal < turns.size(); ordinal++) {
      ordinals.put(TurnKey.of(turns.get(ordinal)), ordinal);
    }
    Map<Integer, TurnResult> kept = new HashMap<>();
    for (TurnResult result : previous.results()) {
      Integer ordinal = ordinals.get(new TurnKey(result.caseId(), result.turnIndex()));
      if (ordinal == null
          || !turns.get(ordinal).expectedRoute().equals(result.expected())
          || kept.put(ordinal, result) != null) {
        throw new ResumeRefusedException(
            "run "
                + previous.id()
                + " cannot be resumed: suite '"
                + suite.name()
                + "' has changed since (case '"
                + result.caseName()
                + "', user turn "
                + (result.turnIndex() + 1)
                + "); start a new run");
      }
    }
    var header =
        new RegressionRun(
            previous.id(),
            previous.suiteId(),
            previous.suiteName(),
            previous.engine(),
            previous.startedAt(),
            previous.durationMillis(),
            RunStatus.RUNNING,
            "",
            List.of(),
            previous.policies());
    return execute(selector, header, turns, kept, progress, cancellation, recorder);
  }

  private static void requireResumable(
      RouteSelector selector, PolicyDocument document, TestSuite suite, RegressionRun previous) {
    String run = "run " + previous.id();
    if (!previous.status().isResumable()) {
      throw new ResumeRefusedException(
          run + " cannot be resumed: it is " + previous.status().name().toLowerCase());
    }
    if (!previous.suiteId().equals(suite.id())) {
      throw new ResumeRefusedException(
          run + " is a run of suite '" + previous.suiteName() + "', not of '" + suite.name() + "'");
    }
    EngineIdentity now = identityOf(selector, document);
    EngineIdentity then = previous.engine();
    if (then.profile() != now.profile()) {
      throw new ResumeRefusedException(
          run
              + " was made with prompt profile "
              + then.profile().id()
              + "; the workspace now uses "
              + now.profile().id());
    }
    requireSameWrapping(run, then, now);
    if (!then.kind().equals(now.kind())
        || !then.model().equals(now.model())
        || !then.modelSha256().equals(now.modelSha256())
        || !then.settingsBesidesWrapping().equals(now.settingsBesidesWrapping())) {
      throw new ResumeRefusedException(
          run
              + " was made with "
              + describe(then)
              + "; this engine is "
              + describe(now)
              + ". Resume it with the same model and settings, or start a new run");
    }
    if (previous.policies() == null) {
      throw new ResumeRefusedException(
          run + " was recorded without its policies, so it cannot be resumed; start a new run");
    }
    if (!RouterView.of(previous.policies()).equals(RouterView.of(document))) {
      throw new ResumeRefusedException(
          run
              + " was made with other policies (route names, descriptions or their order have"
              + " changed since); start a new run");
    }
  }

  /**
   * Half a run on one text and half on another would measure neither: the wrapping (which the
   * serving engine decides) must be the one the run started with. A run that did not record it
   * (made through a server before RouteBench recorded wrappings) cannot be checked and passes.
   */
  private static void requireSameWrapping(String run, EngineIdentity then, EngineIdentity now) {
    Optional<RecordedWrapping> before = then.wrapping();
    Optional<RecordedWrapping> current = now.wrapping();
    if (before.isPresent() && current.isPresent() && !before.equals(current)) {
      throw new ResumeRefusedException(
          run
              + " was made with the router prompt wrapped as "
              + before.get().summary()
              + " wraps it; the router now reads it as "
              + current.get().summary()
              + " wraps it, so its remaining turns would be asked on another text. Start a new"
              + " run, or set the serving engine back to "
              + before.get().servedBy().id()
              + " (Proxy tab, or --served-by) to resume it");
    }
  }

  private static String describe(EngineIdentity engine) {
    return engine.kind()
        + " "
        + engine.model()
        + (engine.settingsBesidesWrapping().isEmpty()
            ? ""
            : " " + engine.settingsBesidesWrapping());
  }

  private static EngineIdentity identityOf(RouteSelector selector, PolicyDocument document) {
    return selector.identity(document.profile());
  }

  private RegressionRun execute(
      RouteSelector selector,
      RegressionRun header,
      List<PlannedTurn> turns,
      Map<Integer, TurnResult> kept,
      BatchProgressListener progress,
      CancellationToken cancellation,
      RunRecorder recorder) {
    long sessionStart = clock.millis();
    var results = new ConcurrentSkipListMap<Integer, TurnResult>(kept);
    recorder.started(header.withResults(List.copyOf(results.values())), new TreeMap<>(results));
    List<Integer> asked = new ArrayList<>();
    for (int ordinal = 0; ordinal < turns.size(); ordinal++) {
      if (!results.containsKey(ordinal)) {
        asked.add(ordinal);
      }
    }
    PolicyDocument document = header.policies();
    RunStatus status = RunStatus.COMPLETED;
    String failure = "";
    try {
      if (!asked.isEmpty()) {
        List<RouterAnswer> answers =
            selector.selectAll(
                asked.stream().map(ordinal -> turns.get(ordinal).request()).toList(),
                (index, answer, done, total) -> {
                  int ordinal = asked.get(index);
                  record(
                      header.id(),
                      ordinal,
                      turns.get(ordinal),
                      answer,
                      document,
                      results,
                      recorder);
                  progress.completed(index, answer, done, total);
                },
                cancellation);
        failure = takeAnswers(header.id(), asked, turns, answers, document, results, recorder);
        status = failure.isEmpty() ? RunStatus.COMPLETED : RunStatus.FAILED;
      }
    } catch (RoutingCancelledException cancelled) {
      status = RunStatus.CANCELLED;
    } catch (BatchRequestFailedException error) {
      status = RunStatus.FAILED;
      failure = turns.get(asked.get(error.requestIndex())).describe() + ": " + error.reason();
    } catch (RoutingException error) {
      status = RunStatus.FAILED;
      failure = error.getMessage();
    } catch (RuntimeException bug) {
      // An engine defect must not throw away the turns already answered: record it as a failure.
      status = RunStatus.FAILED;
      failure = "unexpected " + bug.getClass().getSimpleName() + ": " + bug.getMessage();
    }
    long durationMillis = header.durationMillis() + Math.max(0, clock.millis() - sessionStart);
    RegressionRun run =
        header
            .withResults(List.copyOf(results.values()))
            .withOutcome(status, durationMillis, failure);
    recorder.finished(run);
    return run;
  }

  private static void record(
      String runId,
      int ordinal,
      PlannedTurn turn,
      RouterAnswer answer,
      PolicyDocument document,
      Map<Integer, TurnResult> results,
      RunRecorder recorder) {
    TurnResult result = turn.result(answer, RouteResolver.resolve(answer, document));
    results.put(ordinal, result);
    recorder.answered(runId, ordinal, result);
  }

  /** One request per user turn, in suite order. */
  static List<PlannedTurn> plan(PolicyDocument document, TestSuite suite) {
    var turns = new ArrayList<PlannedTurn>();
    for (TestCase testCase : suite.cases()) {
      List<Integer> userTurns = testCase.userTurnIndexes();
      Conversation conversation = testCase.conversation();
      for (int turn = 0; turn < userTurns.size(); turn++) {
        int messageIndex = userTurns.get(turn);
        var request = RouteRequest.of(document, conversation.upTo(messageIndex).messages());
        turns.add(new PlannedTurn(testCase, turn, messageIndex, request));
      }
    }
    return turns;
  }

  /**
   * Records the returned answers that the progress callbacks did not deliver; a reason when the
   * batch is short.
   */
  private static String takeAnswers(
      String runId,
      List<Integer> asked,
      List<PlannedTurn> turns,
      List<RouterAnswer> answers,
      PolicyDocument document,
      Map<Integer, TurnResult> results,
      RunRecorder recorder) {
    if (answers.size() != asked.size()) {
      return "the engine returned " + answers.size() + " answers for " + asked.size() + " requests";
    }
    int missing = 0;
    for (int i = 0; i < answers.size(); i++) {
      int ordinal = asked.get(i);
      if (answers.get(i) != null) {
        if (!results.containsKey(ordinal)) {
          record(runId, ordinal, turns.get(ordinal), answers.get(i), document, results, recorder);
        }
      } else if (!results.containsKey(ordinal)) {
        missing++;
      }
    }
    return missing == 0 ? "" : "the engine left " + missing + " requests unanswered";
  }

  /** Identifies a user turn across runs of the same suite. */
  private record TurnKey(String caseId, int turnIndex) {
    static TurnKey of(PlannedTurn turn) {
      return new TurnKey(turn.testCase().id(), turn.turnIndex());
    }
  }

  /**
   * A user turn to route.
   *
   * @param turnIndex position among the case's user turns
   * @param messageIndex position of the user message among all the case's messages
   */
  record PlannedTurn(TestCase testCase, int turnIndex, int messageIndex, RouteRequest request) {

    /** e.g. {@code case "refund request", user turn 2}: how a failure names the turn. */
    String describe() {
      return "case \"" + testCase.name() + "\", user turn " + (turnIndex + 1);
    }

    /** A turn without an expectation can never pass; suite validation points it out. */
    String expectedRoute() {
      String expected = testCase.messages().get(messageIndex).expectedRoute();
      return expected == null ? "" : expected;
    }

    TurnResult result(RouterAnswer answer, RouteDecision decision) {
      return new TurnResult(
          testCase.id(),
          testCase.name(),
          turnIndex,
          messageIndex,
          expectedRoute(),
          decision.effectiveRoute(),
          decision.outcome(),
          answer.rawOutput(),
          answer.timing().totalMillis(),
          answer.timing().promptTokens(),
          answer.timing().reusedTokens(),
          answer.reading().listedRoutes());
    }
  }
}
