package io.routebench.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.conversation.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveRoutingSessionTest {

  private final ExecutorService engineThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopEngine() {
    engineThread.shutdownNow();
  }

  @Test
  void superseded_request_is_cancelled_and_its_result_never_delivered() throws Exception {
    var firstStarted = new CountDownLatch(1);
    var selector = new GatedSelector(firstStarted);
    var session = new LiveRoutingSession(selector, engineThread, Runnable::run);
    var events = new ConcurrentLinkedQueue<String>();
    var allDone = new CountDownLatch(2);

    session.submit(request("write a function"), recorder("first", events, allDone));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    session.submit(request("write a function in rust"), recorder("second", events, allDone));

    assertThat(allDone.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events)
        .containsExactly("first:superseded", "second:decided:write a function in rust");
    assertThat(selector.cancelledWhileRunning).containsExactly("write a function");
  }

  @Test
  void requests_queued_behind_a_running_one_are_skipped_except_the_newest() throws Exception {
    var firstStarted = new CountDownLatch(1);
    var keystrokesDone = new CountDownLatch(1);
    var selector = new GatedSelector(firstStarted, keystrokesDone);
    var session = new LiveRoutingSession(selector, engineThread, Runnable::run);
    var events = new ConcurrentLinkedQueue<String>();
    var allDone = new CountDownLatch(4);

    session.submit(request("h"), recorder("1", events, allDone));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    session.submit(request("he"), recorder("2", events, allDone));
    session.submit(request("hel"), recorder("3", events, allDone));
    session.submit(request("hello"), recorder("4", events, allDone));
    keystrokesDone.countDown();

    assertThat(allDone.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events)
        .containsExactlyInAnyOrder(
            "1:superseded", "2:superseded", "3:superseded", "4:decided:hello");
    assertThat(selector.started).containsExactly("h", "hello");
  }

  @Test
  void cancel_stops_delivery_of_the_running_request() throws Exception {
    var firstStarted = new CountDownLatch(1);
    var selector = new GatedSelector(firstStarted);
    var session = new LiveRoutingSession(selector, engineThread, Runnable::run);
    var events = new ConcurrentLinkedQueue<String>();
    var done = new CountDownLatch(1);

    session.submit(request("plan a trip"), recorder("only", events, done));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    session.cancel();

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events).containsExactly("only:superseded");
  }

  @Test
  void an_engine_preview_comes_first_and_never_for_a_superseded_request() throws Exception {
    var firstStarted = new CountDownLatch(1);
    var selector = new PreviewingSelector(firstStarted);
    var session = new LiveRoutingSession(selector, engineThread, Runnable::run);
    var events = new ConcurrentLinkedQueue<String>();
    var allDone = new CountDownLatch(2);

    session.submit(request("debug this"), previewRecorder("first", events, allDone));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    session.submit(request("now review it"), previewRecorder("second", events, allDone));

    assertThat(allDone.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events)
        .containsExactly(
            "first:superseded",
            "second:previewed:preview of now review it",
            "second:decided:now review it");
  }

  @Test
  void an_answer_that_arrives_after_its_request_was_superseded_is_dropped_there() {
    // The engine has answered, but the answer still waits for the delivery thread when a newer
    // request comes: it is dropped on arrival, the one place stale answers are checked.
    var engineQueue = new ArrayDeque<Runnable>();
    var deliveryQueue = new ArrayDeque<Runnable>();
    var session = new LiveRoutingSession(new EchoSelector(), engineQueue::add, deliveryQueue::add);
    var events = new ConcurrentLinkedQueue<String>();
    var done = new CountDownLatch(2);

    session.submit(request("write a function"), recorder("first", events, done));
    run(engineQueue);
    assertThat(deliveryQueue).as("answered, not yet delivered").hasSize(1);
    session.submit(request("write a function in rust"), recorder("second", events, done));
    run(engineQueue);
    run(deliveryQueue);

    assertThat(events)
        .containsExactly("first:superseded", "second:decided:write a function in rust");
  }

  /** Answers at once with the last message's text. */
  private static final class EchoSelector implements RouteSelector {
    @Override
    public EngineIdentity identity(PromptProfile profile) {
      return new EngineIdentity("test", "echo", "", profile, Map.of());
    }

    @Override
    public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
      String text = request.conversation().get(request.conversation().size() - 1).content();
      return new RouterAnswer(
          "{\"route\": \"" + text + "\"}",
          AnswerReading.route(text),
          PromptProfile.ARCHGW_V1,
          DecisionTiming.wallClockOnly(1),
          AnswerExactness.EXACT);
    }

    @Override
    public void close() {}
  }

  private static void run(ArrayDeque<Runnable> queue) {
    while (!queue.isEmpty()) {
      queue.removeFirst().run();
    }
  }

  private static DecisionListener previewRecorder(
      String label, ConcurrentLinkedQueue<String> events, CountDownLatch done) {
    var decided = recorder(label, events, done);
    return new DecisionListener() {
      @Override
      public void previewed(RouterAnswer preview) {
        assertThat(preview.isPreview()).isTrue();
        events.add(label + ":previewed:" + preview.routeName());
      }

      @Override
      public void decided(RouterAnswer answer) {
        decided.decided(answer);
      }

      @Override
      public void cancelled() {
        decided.cancelled();
      }

      @Override
      public void failed(RuntimeException error) {
        decided.failed(error);
      }
    };
  }

  /**
   * Previews "preview of TEXT", then answers TEXT. The first request is superseded before it can
   * preview, and previews anyway, as an engine may when the cancellation lands between its steps.
   */
  private static final class PreviewingSelector implements RouteSelector {
    private final CountDownLatch firstStarted;
    private int requests;

    PreviewingSelector(CountDownLatch firstStarted) {
      this.firstStarted = firstStarted;
    }

    @Override
    public EngineIdentity identity(PromptProfile profile) {
      return new EngineIdentity("previewing", "test", "", profile, Map.of());
    }

    @Override
    public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
      throw new AssertionError("live routing asks for a preview");
    }

    @Override
    public RouterAnswer select(
        RouteRequest request,
        CancellationToken cancellation,
        java.util.function.Consumer<RouterAnswer> preview) {
      String text = request.conversation().get(request.conversation().size() - 1).content();
      if (++requests == 1) {
        var cancelled = new CountDownLatch(1);
        cancellation.onCancel(cancelled::countDown);
        firstStarted.countDown();
        try {
          assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      preview.accept(answer("preview of " + text, AnswerExactness.PREVIEW));
      return answer(text, AnswerExactness.EXACT);
    }

    private static RouterAnswer answer(String route, AnswerExactness exactness) {
      return new RouterAnswer(
          "{\"route\": \"" + route + "\"}",
          AnswerReading.route(route),
          PromptProfile.ARCHGW_V1,
          DecisionTiming.wallClockOnly(1),
          exactness);
    }

    @Override
    public void close() {}
  }

  private static RouteRequest request(String text) {
    return new RouteRequest(
        List.of(new RouteOption("code generation", "writing code")),
        List.of(Message.user(text)),
        PromptProfile.ARCHGW_V1);
  }

  private static DecisionListener recorder(
      String label, ConcurrentLinkedQueue<String> events, CountDownLatch done) {
    return DecisionListener.of(
        answer -> {
          events.add(label + ":decided:" + answer.routeName());
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

  /**
   * Answers with the last message's text. The first request blocks until it is cancelled, the way
   * an engine stops at its next checkpoint.
   */
  private static final class GatedSelector implements RouteSelector {
    final List<String> started = new ArrayList<>();
    final List<String> cancelledWhileRunning = new ArrayList<>();
    private final CountDownLatch firstStarted;
    private final CountDownLatch mayFinish;

    GatedSelector(CountDownLatch firstStarted) {
      this(firstStarted, new CountDownLatch(0));
    }

    /** The first request also waits for {@code mayFinish}, so the test decides when it ends. */
    GatedSelector(CountDownLatch firstStarted, CountDownLatch mayFinish) {
      this.firstStarted = firstStarted;
      this.mayFinish = mayFinish;
    }

    @Override
    public EngineIdentity identity(PromptProfile profile) {
      return new EngineIdentity("test", "gated", "", profile, Map.of());
    }

    @Override
    public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
      String text = request.conversation().get(request.conversation().size() - 1).content();
      started.add(text);
      if (started.size() == 1) {
        var cancelled = new CountDownLatch(1);
        cancellation.onCancel(cancelled::countDown);
        firstStarted.countDown();
        try {
          if (!cancelled.await(5, TimeUnit.SECONDS) || !mayFinish.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the first request was never cancelled");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        cancelledWhileRunning.add(text);
        cancellation.throwIfCancelled();
      }
      return new RouterAnswer(
          "{\"route\": \"" + text + "\"}",
          AnswerReading.route(text),
          PromptProfile.ARCHGW_V1,
          DecisionTiming.wallClockOnly(1),
          AnswerExactness.EXACT);
    }

    @Override
    public void close() {}
  }
}
