package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.tasks.TaskHandle;
import io.routebench.app.testing.QueuedTaskExecutor;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionCall;
import io.routebench.core.routing.DecisionListener;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading and unloading on the engine thread, with the engine's queue run by hand so the order of
 * events can be chosen. The models are real (tiny) llama.cpp models.
 */
class LocalRouterTest {

  @TempDir static Path models;
  private static Path model;

  private final QueuedTaskExecutor engineQueue = new QueuedTaskExecutor();
  private final ClosingLoader loader = new ClosingLoader();
  private final List<ClosingSelector> loadedSelectors = loader.loaded;
  private final List<RuntimeException> failures = new ArrayList<>();
  private final LocalRouter router = new LocalRouter(loader, engineQueue);

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.tinyQwen(models);
  }

  @Test
  void the_description_editor_counts_with_the_loaded_models_tokenizer() {
    var counter = new RouterTokenCounter(router);
    var counts = new ArrayList<OptionalInt>();
    counter.count("route", counts::add);
    assertThat(counts).containsExactly(OptionalInt.empty());
    assertThat(counter.tokenizerNameProperty().getValue()).isNull();

    router.load(model, failures::add);
    runEngine();
    counter.count("route", counts::add);
    assertThat(counts).hasSize(1); // asked on the engine thread, not answered yet
    runEngine();

    // The test vocabulary merges "o u" inside "route": four tokens, not the five bytes.
    assertThat(counts).containsExactly(OptionalInt.empty(), OptionalInt.of(4));
    assertThat(counter.tokenizerNameProperty().getValue())
        .isEqualTo(model.getFileName().toString());
  }

  @Test
  void a_loaded_model_replaces_the_previous_one_which_is_closed() {
    router.load(model, failures::add);
    runEngine();
    router.load(model, failures::add);
    runEngine();

    assertThat(failures).isEmpty();
    assertThat(router.loadedProperty().get().selector()).isSameAs(loadedSelectors.get(1));
    assertThat(loadedSelectors.get(0).closed).isTrue();
    assertThat(loadedSelectors.get(1).closed).isFalse();
    router.unload();
    runEngine();
    assertThat(loadedSelectors.get(1).closed).isTrue();
  }

  @Test
  void work_queued_for_the_old_model_runs_before_it_is_closed() {
    router.load(model, failures::add);
    runEngine();
    ClosingSelector old = loadedSelectors.get(0);
    router.load(model, failures::add);
    // A decision for the old model, queued while the new one loads (the user kept typing).
    var oldWasOpen = new boolean[1];
    engineQueue.execute(BackgroundTask.ofAction("decide", () -> oldWasOpen[0] = !old.closed));

    runEngine();

    assertThat(oldWasOpen[0]).isTrue();
    assertThat(old.closed).isTrue();
    assertThat(router.loadedProperty().get().selector()).isSameAs(loadedSelectors.get(1));
  }

  @Test
  void an_unload_while_loading_discards_the_model_being_loaded() {
    router.load(model, failures::add);
    assertThat(router.loadingProperty().get()).isTrue();

    router.unload();
    runEngine();

    assertThat(router.loadedProperty().get()).isNull();
    assertThat(router.loadingProperty().get()).isFalse();
    assertThat(loadedSelectors).singleElement().satisfies(s -> assertThat(s.closed).isTrue());
  }

  @Test
  void a_cancelled_load_keeps_the_previous_model_and_closes_the_cancelled_one() {
    router.load(model, failures::add);
    runEngine();
    ClosingSelector previous = loadedSelectors.get(0);
    router.load(model, failures::add);

    router.cancelLoad();

    assertThat(router.loadingProperty().get()).isFalse();
    runEngine();
    assertThat(router.loadedProperty().get().selector()).isSameAs(previous);
    assertThat(previous.closed).isFalse();
    assertThat(loadedSelectors).hasSize(2);
    assertThat(loadedSelectors.get(1).closed).as("the cancelled model is not leaked").isTrue();
    assertThat(failures).isEmpty();
  }

  @Test
  void cancel_and_unload_stop_what_the_loader_is_doing_a_load_that_goes_on_is_left_alone() {
    var tokens = new ArrayList<CancellationToken>();
    LocalRouter.Loader watching =
        new LocalRouter.Loader() {
          @Override
          public LocalRouter.Loaded load(Path file) {
            throw new AssertionError("a load that can be cancelled is asked for");
          }

          @Override
          public LocalRouter.Loaded load(Path file, CancellationToken cancellation) {
            tokens.add(cancellation);
            return loader.load(file);
          }
        };
    var watched = new LocalRouter(watching, engineQueue);

    watched.load(model, failures::add);
    watched.cancelLoad();
    runEngine();
    watched.load(model, failures::add);
    watched.unload();
    runEngine();
    watched.load(model, failures::add);
    runEngine();

    assertThat(tokens).hasSize(3);
    assertThat(tokens.get(0).isCancelled()).as("cancelled").isTrue();
    assertThat(tokens.get(1).isCancelled()).as("unloaded").isTrue();
    assertThat(tokens.get(2).isCancelled()).as("loaded").isFalse();
    assertThat(watched.loadedProperty().get().selector()).isSameAs(loadedSelectors.get(2));
    assertThat(failures).isEmpty();
  }

  @Test
  void a_load_after_a_cancelled_one_wins() {
    router.load(model, failures::add);
    router.cancelLoad();
    router.load(model, failures::add);
    runEngine();

    assertThat(loadedSelectors).hasSize(2);
    assertThat(loadedSelectors.get(0).closed).isTrue();
    assertThat(router.loadedProperty().get().selector()).isSameAs(loadedSelectors.get(1));
    assertThat(loadedSelectors.get(1).closed).isFalse();
  }

  @Test
  void a_server_replaces_a_loaded_model_on_the_same_engine_path_and_closes_it() throws Exception {
    router.load(model, failures::add);
    runEngine();
    try (var server = new LoopbackRouterServer(List.of("arch-router"), "coding", false)) {
      router.load(
          new RouterSource.Endpoint(
              new OpenAiEndpointSettings(server.address(), "arch-router", "")),
          failures::add);
      assertThat(router.loadingProperty().get()).isTrue();
      assertThat(server.requests()).as("connected on the engine thread, not here").isEmpty();

      runEngine();

      assertThat(failures).isEmpty();
      assertThat(router.loadedProperty().get().source()).isInstanceOf(RouterSource.Endpoint.class);
      assertThat(loadedSelectors.get(0).closed).isTrue();
      assertThat(server.requests()).containsExactly("GET /v1/models");
    }
  }

  @Test
  void a_cancelled_connection_leaves_the_model_in_use() throws Exception {
    router.load(model, failures::add);
    runEngine();
    try (var server = new LoopbackRouterServer(List.of("arch-router"), "coding", false)) {
      router.load(
          new RouterSource.Endpoint(
              new OpenAiEndpointSettings(server.address(), "arch-router", "")),
          failures::add);

      router.cancelLoad();
      runEngine();

      assertThat(router.loadedProperty().get().selector()).isSameAs(loadedSelectors.get(0));
      assertThat(loadedSelectors.get(0).closed).isFalse();
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void unloading_twice_or_after_the_engine_stopped_is_harmless() {
    var engineRunning = new boolean[] {true};
    var inline = new CurrentThreadTaskExecutor();
    var stopping =
        new LocalRouter(
            loader.llamaCpp,
            new TaskExecutor() {
              @Override
              public <T> TaskHandle execute(BackgroundTask<T> task) {
                if (!engineRunning[0]) {
                  throw new RejectedExecutionException("engine stopped");
                }
                return inline.execute(task);
              }

              @Override
              public void runOnUiThread(Runnable update) {
                update.run();
              }
            });
    stopping.load(model, failures::add);
    assertThat(stopping.loadedProperty().get()).isNotNull();
    engineRunning[0] = false;

    stopping.unload();
    stopping.unload();

    assertThat(stopping.loadedProperty().get()).isNull();
    assertThat(failures).isEmpty();
  }

  @Test
  void sent_decisions_report_once_each_and_cancelling_them_skips_the_queued_ones() {
    router.load(model, failures::add);
    runEngine();
    var request =
        new RouteRequest(
            List.of(new RouteOption("coding", "Writing code.")),
            List.of(Message.user("write a parser")),
            PromptProfile.ARCHGW_V1);
    var outcomes = new ArrayList<String>();
    DecisionListener report =
        DecisionListener.of(
            answer -> outcomes.add("decided " + answer.routeName()),
            () -> outcomes.add("cancelled"),
            error -> outcomes.add("failed " + error.getMessage()));

    router.decideSent(request, report);
    runEngine();
    router.decideSent(request, report);
    DecisionCall second = router.decideSent(request, report);
    router.cancelDecisions();
    runEngine();

    assertThat(second.isCancelled()).isTrue();
    assertThat(outcomes).hasSize(3);
    // The tiny model's random weights decide something (free decoding: often garbage, which the
    // proxy cannot read); what matters here is that the decision is reported once.
    assertThat(outcomes.get(0)).startsWith("decided");
    assertThat(outcomes.subList(1, 3)).containsExactly("cancelled", "cancelled");
  }

  @Test
  void switching_routers_cancels_the_decisions_in_flight_and_says_what_it_loads() throws Exception {
    // Issue 17: Connect… to another router waited behind the decision in flight, while the status
    // bar said "llama.cpp · loading…".
    router.load(model, failures::add);
    runEngine();
    var outcomes = new ArrayList<String>();
    router.decideSent(
        new RouteRequest(
            List.of(new RouteOption("coding", "Writing code.")),
            List.of(Message.user("write a parser")),
            PromptProfile.ARCHGW_V1),
        DecisionListener.of(
            answer -> outcomes.add("decided"),
            () -> outcomes.add("cancelled"),
            error -> outcomes.add("failed")));
    try (var server = new LoopbackRouterServer(List.of("arch-router"), "coding", false)) {
      router.load(
          new RouterSource.Endpoint(
              new OpenAiEndpointSettings(server.address(), "arch-router", "")),
          failures::add);

      assertThat(router.loadingSourceProperty().get().loadingLabel())
          .isEqualTo("endpoint · connecting to " + server.address() + "…");
      runEngine();
    }

    assertThat(outcomes).containsExactly("cancelled");
    assertThat(loadedSelectors.get(0).decisions).as("the old router was not asked").isZero();
    assertThat(router.loadingSourceProperty().get()).isNull();
    assertThat(router.loadedProperty().get().source()).isInstanceOf(RouterSource.Endpoint.class);
  }

  @Test
  void without_a_model_a_decision_fails_saying_so() {
    var failuresSeen = new ArrayList<String>();

    router.decideSent(
        new RouteRequest(List.of(), List.of(Message.user("hi")), PromptProfile.ARCHGW_V1),
        DecisionListener.of(answer -> {}, () -> {}, error -> failuresSeen.add(error.getMessage())));

    assertThat(failuresSeen).containsExactly("no router model is loaded");
  }

  private void runEngine() {
    engineQueue.runAll();
  }
}
