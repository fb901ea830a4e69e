package io.routebench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.core.routing.CancellationToken;
import io.routebench.core.routing.DecisionTiming;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteSelector;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run page's logic without the toolkit: every thread is the test's own, the router a scripted
 * one that answers the first route its prompt lists (so its answers depend on the route order).
 */
class RunViewModelTest {

  @TempDir Path dir;
  private Workspace workspace;
  private TestSuite suite;
  private final SimpleObjectProperty<PolicyDocument> document =
      new SimpleObjectProperty<>(Documents.codingAndWriting());
  private final List<RunViewModel.Outcome> finished = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private FirstListedRoute model;
  private LocalRouter router;
  private RunViewModel runs;

  @BeforeEach
  void open() {
    workspace = WorkspaceFile.create(dir.resolve("w.routebench"));
    suite = workspace.suites().createSuite("smoke", "");
    var cases = new ArrayList<TestCase>();
    for (int i = 0; i < 3; i++) {
      cases.add(
          new TestCase(
              "c" + i,
              "case " + i,
              List.of(),
              "",
              List.of(
                  CaseMessage.user("write code " + i, "code generation"),
                  CaseMessage.assistant("ok"),
                  CaseMessage.user("now fix it", "debugging"))));
    }
    workspace.suites().addCases(suite.id(), cases);
    suite = workspace.suites().findSuite(suite.id()).orElseThrow();
    model = new FirstListedRoute();
    router =
        new LocalRouter(
            file -> new LocalRouter.Loaded(file, model, "scripted", List.of()),
            new CurrentThreadTaskExecutor());
    router.load(dir.resolve("model.gguf"), failure -> {});
    runs =
        new RunViewModel(
            router,
            workspace.runs(),
            new CurrentThreadTaskExecutor(),
            document,
            nanos::get,
            finished::add);
  }

  @AfterEach
  void close() {
    workspace.close();
  }

  @Test
  void asking_for_a_model_is_withdrawn_once_one_is_loaded() {
    router.unload();
    runs.start(suite);
    assertThat(runs.messageProperty().get()).startsWith("Load a router model");

    router.load(dir.resolve("model.gguf"), failure -> {});

    assertThat(runs.messageProperty().get()).isEmpty();
  }

  @Test
  void a_run_stores_every_answer_and_reports_progress_with_rate() {
    model.onAnswer = () -> nanos.addAndGet(500_000_000L);

    runs.start(suite);

    assertThat(finished)
        .singleElement()
        .satisfies(o -> assertThat(o.run().status()).isEqualTo(RunStatus.COMPLETED));
    RegressionRun stored = workspace.runs().findRun(finished.get(0).run().id()).orElseThrow();
    assertThat(stored.results()).hasSize(6);
    String firstInPrompt =
        io.routebench.core.routing.RouteOrder.of(document.get()).get(0).routeName();
    assertThat(stored.results()).allSatisfy(r -> assertThat(r.actual()).isEqualTo(firstInPrompt));
    assertThat(runs.liveResults()).hasSize(6);
    assertThat(runs.progressProperty().get()).isEqualTo(1.0);
    assertThat(runs.progressTextProperty().get()).isEqualTo("6 / 6 turns · 2.0 turns/s");
    assertThat(runs.stateProperty().get()).isEqualTo(RunViewModel.State.IDLE);
  }

  @Test
  void a_cancelled_run_keeps_its_answers_and_a_resume_asks_only_the_rest() {
    model.onAnswer =
        () -> {
          if (model.asked == 2) {
            runs.cancel();
          }
        };

    runs.start(suite);

    RegressionRun cancelled = finished.get(0).run();
    assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(cancelled.results()).hasSize(2);
    model.onAnswer = () -> {};

    runs.resume(workspace.runs().findRun(cancelled.id()).orElseThrow(), suite);

    RegressionRun resumed = finished.get(1).run();
    assertThat(resumed.id()).isEqualTo(cancelled.id());
    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(resumed.results()).hasSize(6);
    assertThat(model.asked).isEqualTo(2 + 4);
  }

  @Test
  void shuffled_passes_show_which_turns_depend_on_the_route_order() {
    runs.shufflesProperty().set(4);
    runs.seedProperty().set(7);

    runs.start(suite);

    var sensitivity = finished.get(0).orderSensitivity();
    assertThat(sensitivity.passes()).isEqualTo(5);
    // A router that takes the first listed route changes its answer with every order.
    assertThat(sensitivity.orderDependent()).hasSize(6);
    assertThat(model.asked).isEqualTo(6 * 5);
    assertThat(workspace.runs().listRuns(suite.id())).hasSize(1);
  }

  @Test
  void a_run_becomes_stale_when_a_description_changes() {
    runs.start(suite);
    RegressionRun run = finished.get(0).run();
    assertThat(RunStaleness.isStale(run, document.get())).isFalse();

    PolicyDocument now = document.get();
    Domain coding = now.taxonomy().domains().get(0);
    Action generation = coding.actions().get(0);
    var reworded =
        new Domain(
            coding.id(),
            coding.name(),
            coding.description(),
            coding.coarsePolicy(),
            List.of(
                new Action(
                    generation.id(), generation.name(), "Any new code.", generation.policy()),
                coding.actions().get(1)));
    document.set(
        now.withTaxonomy(new Taxonomy(List.of(reworded, now.taxonomy().domains().get(1)))));

    assertThat(RunStaleness.isStale(run, document.get())).isTrue();
  }

  @Test
  void without_a_model_the_run_explains_what_to_do() {
    router.unload();

    runs.start(suite);

    assertThat(finished).isEmpty();
    assertThat(runs.messageProperty().get()).contains("Load a router model");
  }

  /** Answers with the first route its prompt lists. */
  private static final class FirstListedRoute implements RouteSelector {
    int asked;
    Runnable onAnswer = () -> {};

    @Override
    public EngineIdentity identity(PromptProfile profile) {
      return new EngineIdentity("scripted", "first-listed", "", profile, Map.of());
    }

    @Override
    public RouterAnswer select(RouteRequest request, CancellationToken cancellation) {
      cancellation.throwIfCancelled();
      asked++;
      String route = request.routes().get(0).name();
      onAnswer.run();
      return new RouterAnswer(
          "{\"route\": \"" + route + "\"}",
          io.routebench.core.routing.AnswerReading.route(route),
          request.profile(),
          DecisionTiming.wallClockOnly(1),
          io.routebench.core.routing.AnswerExactness.EXACT);
    }

    @Override
    public void close() {}
  }
}
