package io.routebench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Message;
import io.routebench.core.routing.AnswerExactness;
import io.routebench.core.routing.AnswerReading;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * How a suite run hands a local model its turns: in the order the model prefers for the whole run,
 * cut into small tasks on the engine thread, with answers and progress in the run's own order.
 */
class EngineThreadSelectorTest {

  private final List<String> engineTasks = new ArrayList<>();

  @Test
  void the_whole_run_is_ordered_before_it_is_cut_into_engine_tasks() {
    // Conversations the model prefers in reverse alphabetical order, 10 turns: 3 engine tasks.
    var model = new PreferringModel(Comparator.reverseOrder());
    List<RouteRequest> requests =
        IntStream.range(0, 10).mapToObj(i -> request("turn " + (char) ('a' + i))).toList();
    var progress = new ArrayList<String>();

    List<RouterAnswer> answers =
        new EngineThreadSelector(model, countingEngine())
            .selectAll(
                requests,
                (index, answer, done, total) ->
                    progress.add(index + ":" + answer.rawOutput() + " " + done + "/" + total),
                new CancellationToken());

    assertThat(model.asked)
        .containsExactly(
            "turn j", "turn i", "turn h", "turn g", "turn f", "turn e", "turn d", "turn c",
            "turn b", "turn a");
    assertThat(answers)
        .extracting(RouterAnswer::rawOutput)
        .containsExactlyElementsOf(requests.stream().map(r -> text(r)).toList());
    assertThat(progress)
        .startsWith("9:turn j 1/10", "8:turn i 2/10")
        .endsWith("0:turn a 10/10")
        .hasSize(10);
    assertThat(engineTasks).hasSize(3);
  }

  @Test
  void a_served_router_gets_the_whole_run_at_once_and_not_on_the_engine_thread() {
    var model = new PreferringModel(Comparator.naturalOrder());
    model.concurrent = true;
    List<RouteRequest> requests =
        IntStream.range(0, 9).mapToObj(i -> request("turn " + i)).toList();

    new EngineThreadSelector(model, countingEngine())
        .selectAll(requests, (index, answer, done, total) -> {}, new CancellationToken());

    assertThat(model.batches).containsExactly(9);
    assertThat(engineTasks).isEmpty();
  }

  private Executor countingEngine() {
    return task -> {
      engineTasks.add("task");
      task.run();
    };
  }

  private static RouteRequest request(String text) {
    return new RouteRequest(
        List.of(new RouteOption("coding", "Writing code.")),
        List.of(Message.user(text)),
        PromptProfile.ARCHGW_V1);
  }

  private static String text(RouteRequest request) {
    return request.conversation().get(0).content();
  }

  /** Answers with the message's text, in the order its comparator prefers for every batch. */
  private static final class PreferringModel implements RouteSelector {
    final List<String> asked = new ArrayList<>();
    final List<Integer> batches = new ArrayList<>();
    final Comparator<String> preferred;
    boolean concurrent;

    PreferringModel(Comparator<String> preferred) {
      this.preferred = preferred;
    }

    @Override
    public boolean answersConcurrently() {
      return concurrent;
    }

    @Override
    public int[] answerOrder(List<RouteRequest> requests) {
      return IntStream.range(0, requests.size())
          .boxed()
          .sorted(Comparator.comparing(i -> text(requests.get(i)), preferred))
          .mapToInt(Integer::intValue)
          .toArray();
    }

    @Override
    public List<RouterAnswer> selectAll(
        List<RouteRequest> requests,
        io.routebench.core.routing.BatchProgressListener progress,
        CancellationToken cancellation) {
      batches.add(requests.size());
      var answers = new RouterAnswer[requests.size()];
      int done = 0;
      for (int index : answerOrder(requests)) {
        answers[index] = select(requests.get(index), cancellation);
        progress.completed(index, answers[index], ++done, requests.size());
      }
      return List.of(answers);
    }

    @Override
    public EngineIdentity identity(PromptProfile profile) {
      return new EngineIdentity("scripted", "preferring", "", profile, Map.of());
    }

    @Override
    public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
      asked.add(text(request));
      return new RouterAnswer(
          text(request),
          AnswerReading.route("coding"),
          request.profile(),
          DecisionTiming.wallClockOnly(1),
          AnswerExactness.EXACT);
    }

    @Override
    public void close() {}
  }
}
