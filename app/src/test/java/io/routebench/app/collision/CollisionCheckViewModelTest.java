package io.routebench.app.collision;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.routing.LlamaCppLoader;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.QueuedTaskExecutor;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.collision.CollisionReport;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's collision check against a real (tiny, random) model, executors inline. */
class CollisionCheckViewModelTest {

  @TempDir static Path models;
  private static Path model;

  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final LocalRouter router =
      new LocalRouter(
          new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(4096)),
          new CurrentThreadTaskExecutor());

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.tinyQwen(models);
  }

  @AfterEach
  void unload() {
    router.unload();
  }

  @Test
  void without_a_model_the_check_says_where_to_load_one() {
    var check = new CollisionCheckViewModel(editor, router);

    check.run();

    assertThat(check.stateProperty().get()).isEqualTo(CollisionCheckViewModel.State.NO_MODEL);
    assertThat(check.messageProperty().get()).contains("Playtest tab");
    assertThat(check.reportProperty().get()).isNull();
  }

  @Test
  void a_check_probes_every_policy_reports_progress_and_fills_the_matrix() {
    loadModel();
    var progress = new ArrayList<Double>();
    var check = new CollisionCheckViewModel(editor, router);
    check.progressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));

    check.run();

    assertThat(check.stateProperty().get()).isEqualTo(CollisionCheckViewModel.State.DONE);
    CollisionReport report = check.reportProperty().get();
    assertThat(report.rows()).containsExactly("debugging", "code generation", "email drafting");
    assertThat(progress).contains(1.0 / 3, 2.0 / 3).last().isEqualTo(1.0);
    assertThat(check.messageProperty().get())
        .matches("No collisions.*|\\d of 3 descriptions were routed to another route.*");
  }

  @Test
  void cancelling_stops_the_check_before_it_finishes() {
    // An engine thread that runs work only when the test says so.
    var queued = new QueuedTaskExecutor();
    var deferredRouter =
        new LocalRouter(
            new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(4096)), queued);
    deferredRouter.load(model, e -> {});
    queued.runNext(); // the load
    var check = new CollisionCheckViewModel(editor, deferredRouter);

    check.run();
    assertThat(check.stateProperty().get()).isEqualTo(CollisionCheckViewModel.State.RUNNING);
    check.cancel();
    queued.runNext(); // the check, cancelled before its first decision

    assertThat(check.stateProperty().get()).isEqualTo(CollisionCheckViewModel.State.CANCELLED);
    assertThat(check.reportProperty().get()).isNull();
    deferredRouter.unload();
    queued.runAll(); // closes the model
  }

  @Test
  void switching_routers_stops_the_check_so_the_load_does_not_wait_behind_it() {
    var queued = new QueuedTaskExecutor();
    var deferredRouter =
        new LocalRouter(
            new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(4096)), queued);
    deferredRouter.load(model, e -> {});
    queued.runNext(); // the load
    var check = new CollisionCheckViewModel(editor, deferredRouter);
    check.run();

    deferredRouter.load(model, e -> {});
    queued.runNext(); // the check, cancelled before its first decision

    assertThat(check.stateProperty().get()).isEqualTo(CollisionCheckViewModel.State.CANCELLED);
    deferredRouter.unload();
    queued.runAll();
  }

  private void loadModel() {
    var failures = new ArrayList<RuntimeException>();
    router.load(model, failures::add);
    assertThat(failures).isEmpty();
  }
}
