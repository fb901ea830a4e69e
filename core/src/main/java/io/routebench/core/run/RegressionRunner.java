package io.routebench.core.run;

import io.routebench.core.conversation.Conversation;
import io.routebench.core.routing.BatchProgressListener;
import io.routebench.core.routing.BatchRequestFailedException;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.RouteDecision;
import io.routebench.core.routing.RouteOption;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a test suite against a routing engine: one routing request per user turn, asked in a single
 * batch so engines can order the work for prompt-cache reuse, each answer resolved the way the
 * proxy would resolve it.
 *
 * <p>A run is never lost to a stop or an engine failure: a cancelled run keeps the turns answered
 * until then (status {@link RunStatus#CANCELLED}), a failed one keeps them too, with the reason
 * (status {@link RunStatus#FAILED}).
 */
public final class RegressionRunner {

  private final Clock clock;

  public RegressionRunner(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public RegressionRunner() {
    this(Clock.systemUTC());
  }

  /**
   * Runs every user turn of {@code suite} through {@code selector}. Blocks until done; call it on
   * the engine's thread.
   *
   * @param progress hears each answer as it arrives (with its index among the suite's user turns)
   */
  public RegressionRun run(
      RouteSelector selector,
      PolicyDocument document,
      TestSuite suite,
      BatchProgressListener progress,
      CancellationToken cancellation) {
    Instant startedAt = clock.instant();
    List<PlannedTurn> turns = plan(document, suite);
    var answered = new AtomicReferenceArray<RouterAnswer>(turns.size());
    RunStatus status = RunStatus.COMPLETED;
    String failure = "";
    try {
      if (!turns.isEmpty()) {
        List<RouterAnswer> answers =
            selector.selectAll(
                turns.stream().map(PlannedTurn::request).toList(),
                (index, answer, done, total) -> {
                  answered.set(index, answer);
                  progress.completed(index, answer, done, total);
                },
                cancellation);
        failure = takeAnswers(answers, answered);
        status = failure.isEmpty() ? RunStatus.COMPLETED : RunStatus.FAILED;
      }
    } catch (RoutingCancelledException cancelled) {
      status = RunStatus.CANCELLED;
    } catch (BatchRequestFailedException error) {
      status = RunStatus.FAILED;
      failure = turns.get(error.requestIndex()).describe() + ": " + error.reason();
    } catch (RoutingException error) {
      status = RunStatus.FAILED;
      failure = error.getMessage();
    } catch (RuntimeException bug) {
      // An engine defect must not throw away the turns already answered: record it as a failure.
      status = RunStatus.FAILED;
      failure = "unexpected " + bug.getClass().getSimpleName() + ": " + bug.getMessage();
    }
    long durationMillis = Math.max(0, clock.millis() - startedAt.toEpochMilli());
    return new RegressionRun(
        UUID.randomUUID().toString(),
        suite.id(),
        suite.name(),
        selector.identity().withProfile(document.profile()),
        startedAt,
        durationMillis,
        status,
        failure,
        results(turns, answered, document));
  }

  /** One request per user turn, in suite order. */
  static List<PlannedTurn> plan(PolicyDocument document, TestSuite suite) {
    List<RouteOption> routes = RouteOption.allOf(document.taxonomy());
    var turns = new ArrayList<PlannedTurn>();
    for (TestCase testCase : suite.cases()) {
      List<Integer> userTurns = testCase.userTurnIndexes();
      Conversation conversation = testCase.conversation();
      for (int turn = 0; turn < userTurns.size(); turn++) {
        int messageIndex = userTurns.get(turn);
        var request =
            new RouteRequest(
                routes, conversation.upTo(messageIndex).messages(), document.profile());
        turns.add(new PlannedTurn(testCase, turn, messageIndex, request));
      }
    }
    return turns;
  }

  /** Copies the returned answers over the ones heard so far; a reason when the batch is short. */
  private static String takeAnswers(
      List<RouterAnswer> answers, AtomicReferenceArray<RouterAnswer> answered) {
    if (answers.size() != answered.length()) {
      return "the engine returned "
          + answers.size()
          + " answers for "
          + answered.length()
          + " requests";
    }
    int missing = 0;
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i) != null) {
        answered.set(i, answers.get(i));
      } else if (answered.get(i) == null) {
        missing++;
      }
    }
    return missing == 0 ? "" : "the engine left " + missing + " requests unanswered";
  }

  private static List<TurnResult> results(
      List<PlannedTurn> turns,
      AtomicReferenceArray<RouterAnswer> answered,
      PolicyDocument document) {
    var results = new ArrayList<TurnResult>();
    for (int i = 0; i < turns.size(); i++) {
      RouterAnswer answer = answered.get(i);
      if (answer != null) {
        results.add(turns.get(i).result(answer, RouteResolver.resolve(answer, document)));
      }
    }
    return results;
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

    TurnResult result(RouterAnswer answer, RouteDecision decision) {
      String expected = testCase.messages().get(messageIndex).expectedRoute();
      return new TurnResult(
          testCase.id(),
          testCase.name(),
          turnIndex,
          messageIndex,
          // A turn without an expectation can never pass; suite validation points it out.
          expected == null ? "" : expected,
          decision.effectiveRoute(),
          decision.outcome(),
          answer.rawOutput(),
          answer.timing().totalMillis(),
          answer.timing().promptTokens(),
          answer.timing().reusedTokens());
    }
  }
}
